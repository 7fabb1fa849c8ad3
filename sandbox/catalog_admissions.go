package sandbox

import (
	"net/http"
	"time"
)

// Response codes of the admission routes.
const (
	codeParentNotFound   = "ParentNotFound"
	codeRelationNotFound = "RelationNotFound"
	codeAlreadyDone      = "AlreadyDone"
)

// The admittee and admitter DTOs: the resource with its label inside the
// chapter or collection (SongAdmitteeDto, ChartAdmitteeDto,
// ChapterAdmitterDto, CollectionAdmitterDto).
type (
	songAdmittee struct {
		Song
		Label *string `json:"label"`
	}
	chartAdmittee struct {
		Chart
		Label *string `json:"label"`
	}
	chapterAdmitter struct {
		Chapter
		Label *string `json:"label"`
	}
	collectionAdmitter struct {
		Collection
		Label *string `json:"label"`
	}
)

// admissionDto is AdmissionDto<TAdmitter, TAdmittee>.
type admissionDto[A, B any] struct {
	Admitter    A             `json:"admitter"`
	Admittee    B             `json:"admittee"`
	Status      RequestStatus `json:"status"`
	Label       *string       `json:"label"`
	RequesterID int           `json:"requesterId"`
	RequesteeID int           `json:"requesteeId"`
	DateCreated time.Time     `json:"dateCreated"`
}

// getChapterSongs is GET /chapters/{id}/songs (AdmissionFilterDto): the
// approved admissions of the chapter.
func (c *call) getChapterSongs() {
	l, ok := c.bind(specFor[admissionFilter, Admission](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	if c.d.Chapter(id) == nil {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Areas.Catalog.ChapterAdmissions, func(a *Admission) bool {
		return a.AdmitterID == id && a.Status == RequestApproved
	}, nil)
	c.many(mapList(page, func(a Admission) songAdmittee {
		return songAdmittee{Song: c.song(*c.d.Song(a.AdmitteeID), true), Label: a.Label}
	}), total, l.listParams)
}

// getCollectionCharts is GET /collections/{id}/charts (AdmissionFilterDto):
// the approved admissions of the collection.
func (c *call) getCollectionCharts() {
	l, ok := c.bind(specFor[admissionFilter, Admission](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	if c.d.Collection(id) == nil {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Areas.Catalog.CollectionAdmits, func(a *Admission) bool {
		return a.AdmitterID == id && a.Status == RequestApproved
	}, nil)
	c.many(mapList(page, func(a Admission) chartAdmittee {
		return chartAdmittee{Chart: c.chart(*c.d.Chart(a.AdmitteeID)), Label: a.Label}
	}), total, l.listParams)
}

// seesAdmissions reports whether the caller sees every admission of a
// resource owned by owner: its owner and moderators do.
func (c *call) seesAdmissions(owner int) bool {
	return c.caller != nil && (c.caller.ID == owner || c.caller.Role >= RoleModerator)
}

// getSongChapters is GET /songs/{id}/chapters (AdmissionFilterDto): the
// song's approved admissions, and all of them for the song's owner,
// moderators and the chapters' owners.
func (c *call) getSongChapters() {
	l, ok := c.bind(specFor[admissionFilter, Admission](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	s := c.d.Song(id)
	if s == nil {
		c.notFound()
		return
	}
	all := c.seesAdmissions(s.OwnerID)
	page, total := collect(l, c.d.Areas.Catalog.ChapterAdmissions, func(a *Admission) bool {
		return a.AdmitteeID == id && (all || a.Status == RequestApproved || c.caller != nil && a.RequesteeID == c.caller.ID)
	}, nil)
	c.many(mapList(page, func(a Admission) chapterAdmitter {
		return chapterAdmitter{Chapter: c.chapter(*c.d.Chapter(a.AdmitterID)), Label: a.Label}
	}), total, l.listParams)
}

// getChartCollections is GET /charts/{id}/collections
// (AdmissionFilterDto), as getSongChapters for charts.
func (c *call) getChartCollections() {
	l, ok := c.bind(specFor[admissionFilter, Admission](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	ch := c.d.Chart(id)
	if ch == nil {
		c.notFound()
		return
	}
	all := c.seesAdmissions(ch.OwnerID)
	page, total := collect(l, c.d.Areas.Catalog.CollectionAdmits, func(a *Admission) bool {
		return a.AdmitteeID == id && (all || a.Status == RequestApproved || c.caller != nil && a.RequesteeID == c.caller.ID)
	}, nil)
	c.many(mapList(page, func(a Admission) collectionAdmitter {
		return collectionAdmitter{Collection: c.collection(*c.d.Collection(a.AdmitterID)), Label: a.Label}
	}), total, l.listParams)
}

// findAdmission returns the admission of admittee to admitter, or nil.
func findAdmission(list []Admission, admitter, admittee string) *Admission {
	for i := range list {
		if list[i].AdmitterID == admitter && list[i].AdmitteeID == admittee {
			return &list[i]
		}
	}
	return nil
}

// getSongChapter is GET /songs/{id}/chapters/{chapterId}: 404
// ResourceNotFound without the song, ParentNotFound without the chapter,
// RelationNotFound without the admission; 403 for an admission not yet
// approved that the caller may not see.
func (c *call) getSongChapter() {
	s := c.d.Song(c.params["id"])
	ch := c.d.Chapter(c.params["chapterId"])
	var a *Admission
	if s != nil && ch != nil {
		a = findAdmission(c.d.Areas.Catalog.ChapterAdmissions, ch.ID, s.ID)
	}
	if !c.admissionFound(s != nil, ch != nil, a) {
		return
	}
	if a.Status != RequestApproved && !c.seesAdmissions(s.OwnerID) && !c.seesAdmissions(ch.OwnerID) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	c.one(admissionDto[Chapter, Song]{
		Admitter: c.chapter(*ch), Admittee: c.song(*s, true), Status: a.Status, Label: a.Label,
		RequesterID: a.RequesterID, RequesteeID: a.RequesteeID, DateCreated: a.DateCreated,
	})
}

// getChartCollection is GET /charts/{id}/collections/{collectionId}, as
// getSongChapter for charts.
func (c *call) getChartCollection() {
	ch := c.d.Chart(c.params["id"])
	co := c.d.Collection(c.params["collectionId"])
	var a *Admission
	if ch != nil && co != nil {
		a = findAdmission(c.d.Areas.Catalog.CollectionAdmits, co.ID, ch.ID)
	}
	if !c.admissionFound(ch != nil, co != nil, a) {
		return
	}
	if a.Status != RequestApproved && !c.seesAdmissions(ch.OwnerID) && !c.seesAdmissions(co.OwnerID) {
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	c.one(admissionDto[Collection, Chart]{
		Admitter: c.collection(*co), Admittee: c.chart(*ch), Status: a.Status, Label: a.Label,
		RequesterID: a.RequesterID, RequesteeID: a.RequesteeID, DateCreated: a.DateCreated,
	})
}

// admissionFound answers the 404s of a single admission and reports
// whether there is one.
func (c *call) admissionFound(admittee, admitter bool, a *Admission) bool {
	switch {
	case !admittee:
		c.notFound()
	case !admitter:
		c.fail(http.StatusNotFound, codeParentNotFound)
	case a == nil:
		c.fail(http.StatusNotFound, codeRelationNotFound)
	default:
		return true
	}
	return false
}
