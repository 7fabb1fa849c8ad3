package upstream

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// Writes of the Song and Chapter tags: songs and chapters with their
// files, a song's admissions into chapters and its links to event
// divisions.

// NewSong is the form of a new song (SongCreationDto). File and
// Illustration are required; License is sent only when Content is set.
type NewSong struct {
	Title         string
	EditionType   EditionType
	Edition       *string
	AuthorName    string
	Illustrator   string
	Description   *string
	Accessibility Accessibility
	IsHidden      bool
	IsLocked      bool
	Lyrics        *string
	Bpm           float64
	MinBpm        float64
	MaxBpm        float64
	// Offset is the audio offset in milliseconds.
	Offset       int
	IsOriginal   bool
	PreviewStart TimeSpan
	PreviewEnd   TimeSpan
	// Tags are tag names; the upstream creates the ones it does not have.
	Tags []string

	File, Illustration, License File
}

// form is the song as the multipart form of POST /songs.
func (s NewSong) form() Form {
	fields := url.Values{
		"Title":         {s.Title},
		"EditionType":   {strconv.Itoa(int(s.EditionType))},
		"AuthorName":    {s.AuthorName},
		"Illustrator":   {s.Illustrator},
		"Accessibility": {strconv.Itoa(int(s.Accessibility))},
		"IsHidden":      {strconv.FormatBool(s.IsHidden)},
		"IsLocked":      {strconv.FormatBool(s.IsLocked)},
		"Bpm":           {songFormDouble(s.Bpm)},
		"MinBpm":        {songFormDouble(s.MinBpm)},
		"MaxBpm":        {songFormDouble(s.MaxBpm)},
		"Offset":        {strconv.Itoa(s.Offset)},
		"IsOriginal":    {strconv.FormatBool(s.IsOriginal)},
		"PreviewStart":  {s.PreviewStart.String()},
		"PreviewEnd":    {s.PreviewEnd.String()},
	}
	songFormOptional(fields, "Edition", s.Edition)
	songFormOptional(fields, "Description", s.Description)
	songFormOptional(fields, "Lyrics", s.Lyrics)
	if len(s.Tags) > 0 {
		fields["Tags"] = s.Tags
	}

	files := map[string]File{"File": s.File, "Illustration": s.Illustration}
	if s.License.Content != nil {
		files["License"] = s.License
	}
	return Form{Fields: fields, Files: files}
}

// songFormOptional sets field to *v when v is not nil.
func songFormOptional(fields url.Values, field string, v *string) {
	if v != nil {
		fields.Set(field, *v)
	}
}

// songFormDouble writes f as .NET reads a double: shortest form, invariant
// culture.
func songFormDouble(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// waitQuery asks the upstream to process a song's audio before it
// answers (the query wait=true); nil leaves the processing for later.
func waitQuery(wait bool) url.Values {
	if !wait {
		return nil
	}
	return url.Values{"wait": {"true"}}
}

// CreateSong uploads a new song (administrators only) and returns its ID.
// With wait, the upstream processes the audio before it answers (the
// song's file and duration are then known, and the preview is checked
// against the duration); otherwise it processes it later.
//
// POST /songs
func (c *Client) CreateSong(ctx context.Context, song NewSong, wait bool) (string, error) {
	var created Created
	err := c.sendFormQuery(ctx, http.MethodPost, "/songs", nil, waitQuery(wait), song.form(), &created)
	return created.ID, err
}

// UpdateSong applies a JSON Patch to a song (SongUpdateDto's fields).
//
// PATCH /songs/{id}
func (c *Client) UpdateSong(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/songs/{id}", Params{"id": id}, patch, nil)
}

// DeleteSong removes a song.
//
// DELETE /songs/{id}
func (c *Client) DeleteSong(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/songs/{id}", Params{"id": id})
}

// UpdateSongFile replaces a song's audio with file; wait is as for
// CreateSong.
//
// PATCH /songs/{id}/file
func (c *Client) UpdateSongFile(ctx context.Context, id string, file File, wait bool) error {
	form := Form{Files: map[string]File{"File": file}}
	return c.sendFormQuery(ctx, http.MethodPatch, "/songs/{id}/file", Params{"id": id}, waitQuery(wait), form, nil)
}

// UpdateSongIllustration replaces a song's illustration with file.
//
// PATCH /songs/{id}/illustration
func (c *Client) UpdateSongIllustration(ctx context.Context, id string, file File) error {
	return c.sendFile(ctx, http.MethodPatch, "/songs/{id}/illustration", Params{"id": id},
		"File", file.Name, file.Content)
}

// UpdateSongLicense replaces a song's licence with file.
//
// PATCH /songs/{id}/license
func (c *Client) UpdateSongLicense(ctx context.Context, id string, file File) error {
	return c.sendFile(ctx, http.MethodPatch, "/songs/{id}/license", Params{"id": id},
		"File", file.Name, file.Content)
}

// RemoveSongLicense removes a song's licence.
//
// DELETE /songs/{id}/license
func (c *Client) RemoveSongLicense(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/songs/{id}/license", Params{"id": id})
}

// AddSongToChapter asks for song id to be admitted into a chapter.
//
// POST /songs/{id}/chapters
func (c *Client) AddSongToChapter(ctx context.Context, id string, admission AdmissionRequest) error {
	return c.sendJSON(ctx, http.MethodPost, "/songs/{id}/chapters", Params{"id": id}, admission, nil)
}

// RemoveSongFromChapter takes song id out of a chapter that admitted it.
//
// DELETE /songs/{id}/chapters/{chapterId}
func (c *Client) RemoveSongFromChapter(ctx context.Context, id, chapterID string) error {
	return c.send(ctx, http.MethodDelete, "/songs/{id}/chapters/{chapterId}",
		Params{"id": id, "chapterId": chapterID})
}

// LinkSongToEventDivision links song id to an event division as one of its
// resources.
//
// POST /songs/{id}/event
func (c *Client) LinkSongToEventDivision(ctx context.Context, id string, resource NewEventLink) error {
	return c.sendJSON(ctx, http.MethodPost, "/songs/{id}/event", Params{"id": id}, resource, nil)
}

// NewChapter is the form of a new chapter (ChapterCreationDto).
type NewChapter struct {
	Title         string
	Subtitle      string
	Illustrator   string
	Description   *string
	Accessibility Accessibility
	IsHidden      bool
	IsLocked      bool

	Illustration File
}

// form is the chapter as the multipart form of POST /chapters.
func (ch NewChapter) form() Form {
	fields := url.Values{
		"Title":         {ch.Title},
		"Subtitle":      {ch.Subtitle},
		"Illustrator":   {ch.Illustrator},
		"Accessibility": {strconv.Itoa(int(ch.Accessibility))},
		"IsHidden":      {strconv.FormatBool(ch.IsHidden)},
		"IsLocked":      {strconv.FormatBool(ch.IsLocked)},
	}
	songFormOptional(fields, "Description", ch.Description)
	return Form{Fields: fields, Files: map[string]File{"Illustration": ch.Illustration}}
}

// CreateChapter creates a chapter (administrators only) and returns its ID.
//
// POST /chapters
func (c *Client) CreateChapter(ctx context.Context, chapter NewChapter) (string, error) {
	var created Created
	err := c.sendForm(ctx, http.MethodPost, "/chapters", nil, chapter.form(), &created)
	return created.ID, err
}

// UpdateChapter applies a JSON Patch to a chapter (ChapterUpdateDto's
// fields).
//
// PATCH /chapters/{id}
func (c *Client) UpdateChapter(ctx context.Context, id string, patch []PatchOp) error {
	return c.sendJSON(ctx, http.MethodPatch, "/chapters/{id}", Params{"id": id}, patch, nil)
}

// DeleteChapter removes a chapter.
//
// DELETE /chapters/{id}
func (c *Client) DeleteChapter(ctx context.Context, id string) error {
	return c.send(ctx, http.MethodDelete, "/chapters/{id}", Params{"id": id})
}

// UpdateChapterIllustration replaces a chapter's illustration with file.
//
// PATCH /chapters/{id}/illustration
func (c *Client) UpdateChapterIllustration(ctx context.Context, id string, file File) error {
	return c.sendFile(ctx, http.MethodPatch, "/chapters/{id}/illustration", Params{"id": id},
		"File", file.Name, file.Content)
}
