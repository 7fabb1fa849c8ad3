package sandbox

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Writes of play records (RecordController). A record is the end of a
// play session the game client starts with GET /player/play (writes_play.go),
// or a test with [Server.StartPlay]; the result is signed with
// [Server.ApplicationSecret], as the game client would.

const (
	codeInvalidToken               = "InvalidToken"
	codeRecordsApplicationNotFound = "ApplicationNotFound"
	codeConfigurationNotFound      = "ConfigurationNotFound"
)

// play is a play session the upstream keeps in Redis between GET
// /player/play and POST /records (PlayInfoDto, PlayInfoTapTapDto).
type play struct {
	chartID, configurationID, applicationID string
	playerID                                int    // a PhiZone user; 0 for a TapTap ghost
	unionID                                 string // a TapTap ghost's player; "" otherwise
	perfectJudgment, goodJudgment           int    // a TapTap ghost's judgments, in milliseconds
	earliestEnd                             time.Time
	timestamp                               int64 // Unix milliseconds, part of the HMAC's digest
}

// StartPlay starts a play session of user on a chart with a play
// configuration and an application, as GET /player/play does, and returns
// its token and timestamp. The session is dated the song's duration ago,
// so that its record may be submitted at once. The record's HMAC is the
// base64 HMAC-SHA256 under [Server.ApplicationSecret] of
// "chartId:configurationId:playerId:maxCombo:perfect:goodEarly:goodLate:bad:miss:timestamp".
func (s *Server) StartPlay(userID int, chartID, configurationID, applicationID string) (token string, timestamp int64) {
	return s.startPlay(play{
		chartID: chartID, configurationID: configurationID, applicationID: applicationID, playerID: userID,
	})
}

// StartTapTapPlay starts a play session of a TapTap ghost account (its
// union ID) on a chart, as GET /player/play/tapTap does for a token of
// application applicationID. The HMAC's digest has no configuration:
// "chartId:unionId:maxCombo:perfect:goodEarly:goodLate:bad:miss:timestamp".
func (s *Server) StartTapTapPlay(
	unionID, chartID, applicationID string, perfectJudgment, goodJudgment int,
) (token string, timestamp int64) {
	return s.startPlay(play{
		chartID: chartID, applicationID: applicationID, unionID: unionID,
		perfectJudgment: perfectJudgment, goodJudgment: goodJudgment,
	})
}

func (s *Server) startPlay(p play) (string, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.playMu.Lock()
	defer s.playMu.Unlock()
	now := s.auth.now()
	p.earliestEnd, p.timestamp = now, now.UnixMilli()
	if s.plays == nil {
		s.plays = map[string]play{}
	}
	s.created++
	token := playToken("sandbox-play-" + strconv.Itoa(s.created))
	s.plays[token] = p
	return token, p.timestamp
}

// playToken derives a play token, a GUID, from seed.
func playToken(seed string) string {
	sum := sha256.Sum256([]byte(seed))
	h := hex.EncodeToString(sum[:16])
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-8" + h[17:20] + "-" + h[20:32]
}

// ApplicationSecret returns the secret the sandbox keeps for an
// application, with which game clients sign their records.
func (s *Server) ApplicationSecret(applicationID string) string {
	sum := sha256.Sum256([]byte("sandbox-application-secret:" + strings.ToLower(applicationID)))
	return hex.EncodeToString(sum[:])
}

// recordBody is RecordCreationDto.
type recordBody struct {
	Token        string  `json:"token"`
	MaxCombo     int     `json:"maxCombo"`
	Perfect      int     `json:"perfect"`
	GoodEarly    int     `json:"goodEarly"`
	GoodLate     int     `json:"goodLate"`
	Bad          int     `json:"bad"`
	Miss         int     `json:"miss"`
	StdDeviation float64 `json:"stdDeviation"`
	Hmac         string  `json:"hmac"`
	Checksum     string  `json:"checksum"`
	DeviceInfo   *string `json:"deviceInfo"`
}

// refuseRecord answers 400 InvalidData with a message (ErrorWithMessage).
func (c *call) refuseRecord(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	c.writeJSON(http.StatusBadRequest, envelope{Status: StatusErrorWithMessage, Code: codeInvalidData, Message: &msg})
}

// postRecord is POST /records and POST /records/tapTap: the result of the
// play session of the token (404 InvalidToken without one), checked as the
// upstream checks it: the session's end, the application, the player, the
// chart (404 ParentIsPrivate when it refuses any), the file's checksum,
// the HMAC, the judgments against the chart's notes and the max combo's
// range (400 with a message). A player's record is kept and moves their
// RKS and experience; a TapTap ghost's is only answered. 201.
func (c *call) postRecord(tapTap bool) {
	var b recordBody
	if !c.readJSON(&b) {
		return
	}
	if errs := tooLong(tooLong(tooLong(nil, "Hmac", &b.Hmac, 100), "Checksum", &b.Checksum, 100),
		"DeviceInfo", b.DeviceInfo, 200); len(errs) > 0 {
		c.invalid(errs)
		return
	}
	c.s.playMu.Lock()
	p, ok := c.s.plays[strings.ToLower(b.Token)]
	c.s.playMu.Unlock()
	if !ok || tapTap != (p.unionID != "") {
		c.fail(http.StatusNotFound, codeInvalidToken)
		return
	}
	cat := &c.d.Areas.Catalog
	player := c.d.User(p.playerID)
	chart := c.d.Chart(p.chartID)
	switch {
	case c.now().Before(p.earliestEnd):
		c.refuseRecord("Your request is made earlier than expected.")
		return
	case lookup(cat.Applications, cat.idx.applications, p.applicationID) == nil:
		c.fail(http.StatusNotFound, codeRecordsApplicationNotFound)
		return
	case !tapTap && player == nil:
		c.fail(http.StatusNotFound, codeUserNotFound)
		return
	case chart == nil:
		c.notFound()
		return
	case chart.Accessibility == RefuseAny:
		c.fail(http.StatusNotFound, codeChartsParentIsPrivate)
		return
	case chart.FileChecksum != nil && !strings.EqualFold(*chart.FileChecksum, b.Checksum):
		c.refuseRecord("File checksum validation has failed.")
		return
	}

	who := p.unionID
	if !tapTap {
		who = p.configurationID + ":" + strconv.Itoa(p.playerID)
	}
	digest := fmt.Sprintf("%s:%s:%d:%d:%d:%d:%d:%d:%d", p.chartID, who, b.MaxCombo, b.Perfect, b.GoodEarly,
		b.GoodLate, b.Bad, b.Miss, p.timestamp)
	mac := hmac.New(sha256.New, []byte(c.s.ApplicationSecret(p.applicationID)))
	mac.Write([]byte(digest))
	judgments := b.Perfect + b.GoodEarly + b.GoodLate + b.Bad + b.Miss
	lowest, highest := judgments/(b.Bad+b.Miss+1), judgments-b.Bad-b.Miss
	switch {
	case !strings.EqualFold(b.Hmac, base64.StdEncoding.EncodeToString(mac.Sum(nil))):
		c.refuseRecord("HMAC validation has failed.")
		return
	case judgments != chart.NoteCount:
		c.refuseRecord("The number of judgments (%d) is not equal to the number of notes (%d).", judgments, chart.NoteCount)
		return
	case b.MaxCombo < lowest || b.MaxCombo > highest:
		c.refuseRecord("Max combo (%d) is not within the expected range [%d, %d].", b.MaxCombo, lowest, highest)
		return
	}
	c.s.playMu.Lock()
	delete(c.s.plays, strings.ToLower(b.Token))
	c.s.playMu.Unlock()

	perfect, good := p.perfectJudgment, p.goodJudgment
	if !tapTap {
		conf := lookup(cat.PlayConfigurations, cat.idx.playConfigurations, p.configurationID)
		if conf == nil {
			c.fail(http.StatusNotFound, codeConfigurationNotFound)
			return
		}
		perfect, good = conf.PerfectJudgment, conf.GoodJudgment
	}
	r := c.scoreRecord(b, chart, perfect, good)
	factor := rksFactor(perfect, good)
	if tapTap {
		factor = rksFactor(80, 160)
	}
	delta := uint64(factor * float64(experienceTier(r.Score)))
	if !chart.IsRanked {
		delta /= 2
	}
	if tapTap {
		c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: map[string]any{
			"id": r.ID, "score": r.Score, "accuracy": r.Accuracy, "isFullCombo": r.IsFullCombo,
			"experienceDelta": delta, "dateCreated": r.DateCreated,
		}})
		return
	}

	r.OwnerID, r.ApplicationID = player.ID, p.applicationID
	c.d.Records = append(c.d.Records, r)
	chart.PlayCount++
	c.d.reindex()
	rksBefore := player.Rks
	player.Experience += delta
	player.Rks = c.d.playerRks(player.ID)
	c.writeJSON(http.StatusCreated, envelope{Status: StatusOk, Code: codeOk, Data: map[string]any{
		"id": r.ID, "score": r.Score, "accuracy": r.Accuracy, "isFullCombo": r.IsFullCombo,
		"player": c.embedded(player.ID), "experienceDelta": delta, "rksBefore": rksBefore,
		"dateCreated": r.DateCreated,
	}})
}

// scoreRecord computes a record's score, accuracy and RKS as the
// upstream's RecordService does.
func (c *call) scoreRecord(b recordBody, chart *Chart, perfectJudgment, goodJudgment int) Record {
	good := b.GoodEarly + b.GoodLate
	total := float64(b.Perfect + good + b.Bad + b.Miss)
	r := Record{
		ID: c.newID(), ChartID: chart.ID, Score: 1_000_000, Accuracy: 1, MaxCombo: b.MaxCombo,
		IsFullCombo: b.MaxCombo == b.Perfect+good+b.Bad+b.Miss, Perfect: b.Perfect, GoodEarly: b.GoodEarly,
		GoodLate: b.GoodLate, Bad: b.Bad, Miss: b.Miss, StdDeviation: b.StdDeviation, DeviceInfo: b.DeviceInfo,
		PerfectJudgment: perfectJudgment, GoodJudgment: goodJudgment, DateCreated: c.now(), Rks: chart.Difficulty,
	}
	if total > 0 {
		r.Score = int(math.RoundToEven((9e5*float64(b.Perfect) + 585e3*float64(good) + 1e5*float64(b.MaxCombo)) / total))
		r.Accuracy = (float64(b.Perfect) + 0.65*float64(good)) / total
		r.Rks = 0
		if acc := (100*float64(b.Perfect) + 65*float64(good)) / total; acc >= 70 {
			acc -= 55
			spread := 2e-2 - b.StdDeviation/2e3
			if b.StdDeviation < 40 {
				spread = 1.25e-5 * (b.StdDeviation - 40) * (b.StdDeviation - 40)
			}
			r.Rks = max(acc*acc*chart.Difficulty/2025+spread, 0)
		}
	}
	r.Rks *= rksFactor(perfectJudgment, goodJudgment)
	return r
}

// rksFactor is RecordService.CalculateRksFactor: strict judgment windows
// (in milliseconds) count fully, loose ones less, very loose ones not.
func rksFactor(perfectJudgment, goodJudgment int) float64 {
	x := 0.8*float64(perfectJudgment) + 0.225*float64(goodJudgment)
	switch {
	case x > 150:
		return 0
	case x > 100:
		return x*x/7500 - 4*x/75 + 5
	}
	x -= 100
	return -x*x*x/4e6 + 1
}

// experienceTier is the experience a score earns before the RKS factor.
func experienceTier(score int) int {
	switch {
	case score >= 1_000_000:
		return 20
	case score >= 960_000:
		return 14
	case score >= 920_000:
		return 10
	case score >= 880_000:
		return 6
	}
	return 2
}

// playerRks is a player's RKS as the upstream recomputes it after a
// record: the three best RKS of perfect plays and the 27 best personal
// bests of ranked charts, over 30.
func (d *Data) playerRks(userID int) float64 {
	var phi []float64
	best := map[string]float64{}
	for _, r := range d.Records {
		ch := d.Chart(r.ChartID)
		if r.OwnerID != userID || ch == nil || !ch.IsRanked {
			continue
		}
		if r.Score == 1_000_000 {
			phi = append(phi, r.Rks)
		}
		best[r.ChartID] = max(best[r.ChartID], r.Rks)
	}
	bests := make([]float64, 0, len(best))
	for _, v := range best {
		bests = append(bests, v)
	}
	sum := 0.0
	for i, list := range [][]float64{phi, bests} {
		slices.SortFunc(list, func(a, b float64) int { return cmp.Compare(b, a) })
		for _, v := range list[:min(len(list), 3+24*i)] {
			sum += v
		}
	}
	return sum / 30
}

// deleteRecord is DELETE /records/{id}: administrators; 204.
func (c *call) deleteRecord() {
	if c.caller == nil {
		c.unauthorized()
		return
	}
	r := c.d.Record(c.params["id"])
	switch {
	case r == nil:
		c.notFound()
		return
	case !c.admin:
		c.fail(http.StatusForbidden, codeInsufficientPermission)
		return
	}
	id := r.ID
	c.d.Records = slices.DeleteFunc(c.d.Records, func(v Record) bool { return v.ID == id })
	c.d.reindex()
	c.empty(http.StatusNoContent)
}
