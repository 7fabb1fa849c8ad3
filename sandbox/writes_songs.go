package sandbox

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Writes of songs, with the rules of SongController: songs and their files
// change by administrators only; a song's owner (members and above) or a
// moderator puts it into chapters, its owner or an administrator takes it
// out; hosts who may create resources link it to event divisions. Chapters
// are in writes_songs_chapters.go.
//
// The sandbox cannot listen to audio: it takes every 1,000 bytes of a
// song's file for a second of music, its checksum is the file's SHA-256,
// and an upload counts as processed at once, whether or not the caller
// waits (the query wait=true) as the upstream lets it.

const (
	codeInvalidTimeRelation = "InvalidTimeRelation"
	codeParentIsPrivate     = "ParentIsPrivate"
)

func init() {
	areaRoutes["writes-songs"] = func(s *Server) []route {
		return []route{
			newRoute(http.MethodPost, "/songs", (*call).postSong),
			newRoute(http.MethodPatch, "/songs/{id:guid}", (*call).patchSong),
			newRoute(http.MethodDelete, "/songs/{id:guid}", (*call).deleteSong),
			newRoute(http.MethodPatch, "/songs/{id:guid}/file", (*call).patchSongFile),
			newRoute(http.MethodPatch, "/songs/{id:guid}/illustration", (*call).patchSongIllustration),
			newRoute(http.MethodPatch, "/songs/{id:guid}/license", (*call).patchSongLicense),
			newRoute(http.MethodDelete, "/songs/{id:guid}/license", (*call).deleteSongLicense),
			newRoute(http.MethodPost, "/songs/{id:guid}/chapters", (*call).postSongChapter),
			newRoute(http.MethodDelete, "/songs/{id:guid}/chapters/{chapterId:guid}", (*call).deleteSongChapter),
			newRoute(http.MethodPost, "/songs/{id:guid}/event", func(c *call) {
				c.postEventLink(idOf(c.d.Song(c.params["id"]), func(v *Song) string { return v.ID }), nil)
			}),
			newRoute(http.MethodPost, "/chapters", (*call).postChapter),
			newRoute(http.MethodPatch, "/chapters/{id:guid}", (*call).patchChapter),
			newRoute(http.MethodDelete, "/chapters/{id:guid}", (*call).deleteChapter),
			newRoute(http.MethodPatch, "/chapters/{id:guid}/illustration", (*call).patchChapterIllustration),
		}
	}
}

// songDto is SongCreationDto and SongUpdateDto without their files.
type songDto struct {
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
	Offset        int
	IsOriginal    bool
	PreviewStart  TimeSpan
	PreviewEnd    TimeSpan
	Tags          []string
}

// validate applies the DTO's attributes.
func (s *songDto) validate() []fieldError {
	var errs []fieldError
	add := func(field, code string) { errs = append(errs, fieldError{Field: field, Errors: []string{code}}) }
	required := func(field, v string, limit int) {
		if strings.TrimSpace(v) == "" {
			add(field, codeFieldEmpty)
		} else {
			errs = tooLong(errs, field, &v, limit)
		}
	}
	required("Title", s.Title, 100)
	if s.EditionType < 0 || s.EditionType > 5 {
		add("EditionType", codeValueOutOfRange)
	}
	errs = tooLong(errs, "Edition", s.Edition, 100)
	required("AuthorName", s.AuthorName, 800)
	required("Illustrator", s.Illustrator, 200)
	errs = tooLong(errs, "Description", s.Description, 2000)
	if s.Accessibility < 0 || s.Accessibility > 2 {
		add("Accessibility", codeValueOutOfRange)
	}
	errs = tooLong(errs, "Lyrics", s.Lyrics, 20000)
	for field, bpm := range map[string]float64{"Bpm": s.Bpm, "MinBpm": s.MinBpm, "MaxBpm": s.MaxBpm} {
		if bpm < 0 {
			add(field, codeValueOutOfRange)
		}
	}
	slices.SortFunc(errs, func(a, b fieldError) int { return strings.Compare(a.Field, b.Field) })
	return errs
}

// readSongForm reads SongCreationDto from the form, with its errors.
func (c *call) readSongForm() (songDto, []fieldError) {
	f := &songForm{c: c}
	var s songDto
	if v := f.text("Title", true, 100); v != nil {
		s.Title = *v
	}
	s.EditionType = EditionType(f.enum("EditionType", 5))
	s.Edition = f.text("Edition", false, 100)
	if v := f.text("AuthorName", true, 800); v != nil {
		s.AuthorName = *v
	}
	if v := f.text("Illustrator", true, 200); v != nil {
		s.Illustrator = *v
	}
	s.Description = f.text("Description", false, 2000)
	s.Accessibility = Accessibility(f.enum("Accessibility", 2))
	s.IsHidden, s.IsLocked, s.IsOriginal = f.boolean("IsHidden"), f.boolean("IsLocked"), f.boolean("IsOriginal")
	s.Lyrics = f.text("Lyrics", false, 20000)
	s.Bpm, s.MinBpm, s.MaxBpm = f.number("Bpm", 0), f.number("MinBpm", 0), f.number("MaxBpm", 0)
	s.Offset = f.integer("Offset")
	s.PreviewStart, s.PreviewEnd = f.span("PreviewStart"), f.span("PreviewEnd")
	s.Tags = f.values("Tags")
	f.file("File")
	f.file("Illustration")
	return s, f.errs
}

// songTagList returns the tags named, creating the ones the data set lacks,
// as the upstream's TagRepository.CreateTagsAsync does.
func (c *call) songTagList(names []string) []Tag {
	var tags []Tag
	for _, name := range names {
		norm := normalize(name)
		if norm == "" || slices.ContainsFunc(tags, func(t Tag) bool { return t.NormalizedName == norm }) {
			continue
		}
		i := slices.IndexFunc(c.d.Tags, func(t Tag) bool { return t.NormalizedName == norm })
		if i < 0 {
			c.d.Tags = append(c.d.Tags, Tag{ID: c.newID(), Name: strings.TrimSpace(name), NormalizedName: norm,
				DateCreated: c.now()})
			i = len(c.d.Tags) - 1
		}
		tags = append(tags, c.d.Tags[i])
	}
	return tags
}

// songUploadSum returns the SHA-256 of the file received last.
func (c *call) songUploadSum() string { return c.s.uploads[len(c.s.uploads)-1].SHA256 }

// songBytesPerSecond is how many bytes of audio the sandbox takes for a
// second of music.
const songBytesPerSecond = 1000

// songUploadLength returns how long the audio received last lasts.
func (c *call) songUploadLength() TimeSpan {
	return TimeSpan(c.s.uploads[len(c.s.uploads)-1].Size * int64(time.Second) / songBytesPerSecond)
}

// waits reports whether the caller asked the upstream to process the audio
// before it answers.
func (c *call) waits() bool {
	v := c.q.values("wait")
	return len(v) > 0 && strings.EqualFold(strings.TrimSpace(v[0]), "true")
}

// postSong is POST /songs: SongCreationDto as a multipart form, validated
// before the administrators-only check; 400 InvalidTimeRelation unless
// the preview starts at 0 or later and ends after it starts, and, for a
// caller who waits, within the song; 201 with the song's ID.
func (c *call) postSong() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	if !c.readForm() {
		return
	}
	dto, errs := c.readSongForm()
	switch {
	case len(errs) > 0:
		c.invalid(errs)
		return
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	case dto.PreviewStart < 0 || dto.PreviewStart >= dto.PreviewEnd:
		c.fail(http.StatusBadRequest, codeInvalidTimeRelation)
		return
	}

	id := c.newID()
	audio, _, ok := c.formFile("File", id, "songs/files", ".mp3")
	if !ok {
		return
	}
	checksum, length := c.songUploadSum(), c.songUploadLength()
	if c.waits() && dto.PreviewEnd > length {
		c.fail(http.StatusBadRequest, codeInvalidTimeRelation)
		return
	}
	illustration, _, ok := c.formFile("Illustration", id, "songs/illustrations", ".webp")
	if !ok {
		return
	}
	license, present, ok := c.formFile("License", id, "songs/licenses", ".pdf")
	if !ok {
		return
	}
	now := c.now()
	s := Song{
		ID: id, File: audio, FileChecksum: checksum, Illustration: illustration, Duration: length,
		OwnerID: c.caller.ID, DateCreated: now, DateFileUpdated: now,
	}
	if present {
		s.License = &license
	}
	dto.apply(&s)
	s.Tags = c.songTagList(dto.Tags)
	s.DateUpdated = now
	c.d.Songs = append(c.d.Songs, s)
	c.d.reindex()
	c.created(id)
}

// apply copies the DTO's values onto s.
func (dto *songDto) apply(s *Song) {
	s.Title, s.EditionType, s.Edition = dto.Title, dto.EditionType, dto.Edition
	s.AuthorName, s.Illustrator, s.Description = &dto.AuthorName, dto.Illustrator, dto.Description
	s.Accessibility, s.IsHidden, s.IsLocked, s.Lyrics = dto.Accessibility, dto.IsHidden, dto.IsLocked, dto.Lyrics
	s.Bpm, s.MinBpm, s.MaxBpm, s.Offset = dto.Bpm, dto.MinBpm, dto.MaxBpm, dto.Offset
	s.IsOriginal, s.PreviewStart, s.PreviewEnd = dto.IsOriginal, dto.PreviewStart, dto.PreviewEnd
}

// adminSong finds song {id} for an administrators-only write: 401, 404,
// then 403. It answers the failure itself when it returns nil.
func (c *call) adminSong() *Song {
	if c.caller == nil {
		c.unauthorized()
		return nil
	}
	s := c.d.Song(c.params["id"])
	switch {
	case s == nil:
		c.notFound()
		return nil
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return nil
	}
	return s
}

// patchSong is PATCH /songs/{id}: a JSON Patch over SongUpdateDto, 204;
// 400 InvalidTimeRelation unless the preview lies within the song.
func (c *call) patchSong() {
	s := c.adminSong()
	if s == nil {
		return
	}
	dto := songDto{
		Title: s.Title, EditionType: s.EditionType, Edition: s.Edition, Illustrator: s.Illustrator,
		Description: s.Description, Accessibility: s.Accessibility, IsHidden: s.IsHidden, IsLocked: s.IsLocked,
		Lyrics: s.Lyrics, Bpm: s.Bpm, MinBpm: s.MinBpm, MaxBpm: s.MaxBpm, Offset: s.Offset,
		IsOriginal: s.IsOriginal, PreviewStart: s.PreviewStart, PreviewEnd: s.PreviewEnd,
	}
	if s.AuthorName != nil {
		dto.AuthorName = *s.AuthorName
	}
	for _, t := range s.Tags {
		dto.Tags = append(dto.Tags, t.Name)
	}
	ok := c.applyPatch(func(op patchOp) string { return dto.patch(op) })
	if !ok {
		return
	}
	if errs := dto.validate(); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	if dto.PreviewStart < 0 || dto.PreviewStart >= dto.PreviewEnd || dto.PreviewEnd > s.Duration {
		c.fail(http.StatusBadRequest, codeInvalidTimeRelation)
		return
	}

	dto.apply(s)
	s.Tags = c.songTagList(dto.Tags)
	s.DateUpdated = c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// patch applies one operation to the DTO, returning an error code.
func (dto *songDto) patch(op patchOp) string {
	switch strings.ToLower(op.Path) {
	case "/title":
		return patchField(op, &dto.Title, false)
	case "/editiontype":
		return patchField(op, &dto.EditionType, false)
	case "/edition":
		return patchField(op, &dto.Edition, true)
	case "/authorname":
		return patchField(op, &dto.AuthorName, false)
	case "/illustrator":
		return patchField(op, &dto.Illustrator, false)
	case "/description":
		return patchField(op, &dto.Description, true)
	case "/accessibility":
		return patchField(op, &dto.Accessibility, false)
	case "/ishidden":
		return patchField(op, &dto.IsHidden, false)
	case "/islocked":
		return patchField(op, &dto.IsLocked, false)
	case "/lyrics":
		return patchField(op, &dto.Lyrics, true)
	case "/bpm":
		return patchField(op, &dto.Bpm, false)
	case "/minbpm":
		return patchField(op, &dto.MinBpm, false)
	case "/maxbpm":
		return patchField(op, &dto.MaxBpm, false)
	case "/offset":
		return patchField(op, &dto.Offset, false)
	case "/isoriginal":
		return patchField(op, &dto.IsOriginal, false)
	case "/previewstart":
		return patchField(op, &dto.PreviewStart, false)
	case "/previewend":
		return patchField(op, &dto.PreviewEnd, false)
	case "/tags":
		return patchField(op, &dto.Tags, false)
	}
	return codeInvalidData
}

// deleteSong is DELETE /songs/{id}: administrators only, 204. As the
// upstream's database cascades, the song's charts and their records go
// with it, and so do the admissions, event resources, authorships and
// likes of all of them.
func (c *call) deleteSong() {
	s := c.adminSong()
	if s == nil {
		return
	}

	gone := map[string]bool{s.ID: true}
	for _, i := range c.d.idx.chartsBySong[s.ID] {
		gone[c.d.Charts[i].ID] = true
	}
	c.d.Songs = slices.DeleteFunc(c.d.Songs, func(v Song) bool { return gone[v.ID] })
	c.d.Charts = slices.DeleteFunc(c.d.Charts, func(v Chart) bool { return gone[v.ID] })
	c.d.Records = slices.DeleteFunc(c.d.Records, func(v Record) bool { return gone[v.ChartID] })
	c.d.Authorships = slices.DeleteFunc(c.d.Authorships, func(v Authorship) bool { return gone[v.ResourceID] })
	c.d.Likes = slices.DeleteFunc(c.d.Likes, func(v Like) bool { return gone[v.ResourceID] })
	cat, st, ev := &c.d.Areas.Catalog, c.studio(), &c.d.Areas.Events
	admitted := func(v Admission) bool { return gone[v.AdmitteeID] }
	cat.ChapterAdmissions = slices.DeleteFunc(cat.ChapterAdmissions, admitted)
	cat.CollectionAdmits = slices.DeleteFunc(cat.CollectionAdmits, admitted)
	st.Admissions = slices.DeleteFunc(st.Admissions, func(v StudioAdmission) bool {
		return gone[v.AdmitteeID] || v.AdmitterType == AdmitterSong && gone[v.AdmitterID]
	})
	ev.Resources = slices.DeleteFunc(ev.Resources, func(v EventResource) bool { return gone[v.ResourceID] })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}

// songFileUpload receives the form's File for an administrators-only
// change of song {id} and hands its address to set; a form without File
// changes nothing, as upstream. 204.
func (c *call) songFileUpload(folder, ext string, set func(s *Song, address string)) {
	s := c.adminSong()
	if s == nil || !c.readForm() {
		return
	}
	address, present, ok := c.formFile("File", s.ID, folder, ext)
	if !ok {
		return
	}
	if present {
		set(s, address)
		s.DateUpdated = c.now()
		c.d.reindex()
	}
	c.empty(http.StatusNoContent)
}

// patchSongFile is PATCH /songs/{id}/file. The preview is kept within the
// new audio, as upstream.
func (c *call) patchSongFile() {
	c.songFileUpload("songs/files", ".mp3", func(s *Song, address string) {
		s.File, s.FileChecksum, s.DateFileUpdated = address, c.songUploadSum(), c.now()
		s.Duration = c.songUploadLength()
		s.PreviewEnd = min(s.PreviewEnd, s.Duration)
		if s.PreviewStart > s.PreviewEnd {
			s.PreviewStart = 0
		}
	})
}

// patchSongIllustration is PATCH /songs/{id}/illustration.
func (c *call) patchSongIllustration() {
	c.songFileUpload("songs/illustrations", ".webp", func(s *Song, address string) { s.Illustration = address })
}

// patchSongLicense is PATCH /songs/{id}/license.
func (c *call) patchSongLicense() {
	c.songFileUpload("songs/licenses", ".pdf", func(s *Song, address string) { s.License = &address })
}

// deleteSongLicense is DELETE /songs/{id}/license: administrators only,
// 204.
func (c *call) deleteSongLicense() {
	s := c.adminSong()
	if s == nil {
		return
	}
	s.License = nil
	s.DateUpdated = c.now()
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
