// Package paging turns the Relay connection arguments of a GraphQL list
// (first, after, last, before, offset) into a window of item positions,
// and a window into the one upstream page (Page, PerPage) that holds it.
//
// Cursors are opaque strings that encode an item's position in the list
// it came from; a cursor from one list means nothing in another. The
// upstream pages by number, so any window within reach is read with one
// call: the page size is chosen so that the whole window falls on a
// single page.
package paging
