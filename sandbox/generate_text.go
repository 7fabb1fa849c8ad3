package sandbox

// Word pools for the generated data set. Everything here is invented; any
// likeness to real users or songs is chance.

// regionTable lists the regions the users live in, with the IDs the
// upstream's seeder gives them (its region list is numbered from 1 in a
// fixed order, e.g. CN is 47) and a weight for picking.
var regionTable = []struct {
	id         int
	code, name string
	lang       string
	weight     int
}{
	{47, "CN", "China", "zh-CN", 55},
	{112, "JP", "Japan", "ja-JP", 12},
	{237, "US", "United States", "en-US", 7},
	{206, "KR", "South Korea", "en-US", 4},
	{218, "TW", "Taiwan Prov. China", "zh-TW", 5},
	{100, "HK", "Hong Kong SAR China", "zh-TW", 3},
	{235, "GB", "United Kingdom", "en-US", 3},
	{84, "DE", "Germany", "en-US", 2},
	{77, "FR", "France", "en-US", 2},
	{40, "CA", "Canada", "en-US", 2},
	{14, "AU", "Australia", "en-US", 2},
	{198, "SG", "Singapore", "en-US", 3},
}

var (
	zhNameHeads = []string{
		"星", "月", "夜", "雨", "风", "墨", "白", "青", "云", "雪", "霜", "晨", "橙", "鹿",
		"柚", "苏", "林", "梦", "北", "南",
	}
	zhNameTails = []string{
		"落", "辰", "羽", "汐", "歌", "眠", "川", "璃", "夏", "笙", "野", "弦", "屿", "音",
		"鸣", "棠", "舟", "岚", "瑶", "绫",
	}
	zhNameSuffixes = []string{"", "", "", "酱", "君", "子", "_", "Official", "233", "w"}

	jaNames = []string{
		"さくら", "ゆうき", "ほしの", "みずき", "カナデ", "ソラ", "ヒカリ", "アオイ", "ツバサ", "ユメ",
		"蒼井", "月城", "白石", "藤原", "朝霧", "水瀬", "夜桜", "春風", "雪村", "篠原",
	}
	jaSuffixes = []string{"", "", "P", "_", "ちゃん", "さん", "01", "☆"}

	enHandles = []string{
		"StarFall", "Lumina", "Cyanide", "Aurora", "Nebula", "Kite", "Vertex", "Echo", "Flux",
		"Quasar", "Pixel", "Rune", "Halcyon", "Solstice", "Marble", "Zephyr", "Ember", "Indigo",
		"Comet", "Lynx", "Orbit", "Tempo", "Prism", "Sable",
	}
	enSuffixes = []string{"", "", "_", "7", "99", "X", "Beat", "Rhythm", "Chart", "Dream"}

	userTags   = []string{"谱师", "Charter", "作曲", "Composer", "画师", "PZ Staff", "玩家", "音ゲーマー"}
	biographys = []string{
		"喜欢写谱，也喜欢打谱。", "Making charts for fun since 2021.", "音ゲーとイラストが好きです。",
		"AT 16 全连中……", "Phigros fan. Hold notes are my passion.", "谱面投稿请多指教！",
		"主要写 IN 和 AT 难度的谱面。", "Composer / charter. DMs open for collabs.",
	}
)

var (
	zhTitleHeads = []string{
		"星", "月", "夜", "雨", "风", "光", "梦", "海", "雪", "花", "霓虹", "破晓", "幻想", "深蓝",
		"回声", "银河", "樱",
	}
	zhTitleTails = []string{
		"之歌", "回响", "彼岸", "序曲", "轨迹", "协奏曲", "物语", "幻境", "心跳", "旅途", "狂想", "终章",
	}
	jaTitleForms = []string{"夜明けの%s", "%sの記憶", "君と%s", "さよなら%s", "%sアンセム", "%sを探して"}
	jaTitleNouns = []string{"星", "旋律", "約束", "空", "花火", "シグナル", "ユメ", "セカイ", "月光", "桜"}
	enTitleAdjs  = []string{
		"Crimson", "Electric", "Silent", "Infinite", "Neon", "Broken", "Golden", "Lunar", "Final",
		"Hyper", "Midnight", "Celestial", "Velvet", "Frozen",
	}
	enTitleNouns = []string{
		"Horizon", "Pulse", "Odyssey", "Paradox", "Requiem", "Spectrum", "Cascade", "Eclipse",
		"Frontier", "Mirage", "Overdrive", "Reverie", "Lullaby", "Circuit",
	}
	titleDecorations = []string{
		"", "", "", "", " (Extended Mix)", " -Remix-", " feat. Miku", " (Short Ver.)",
	}

	artistNames = []string{
		"某某", "陌上花开", "Kirara", "Sakuraba Ren", "DJ Nova", "はるか", "Team Aurora", "Lumina Sound",
		"霜月P", "Nightcall", "青空楽団", "Synthwave Cat", "空白音乐", "Moonlit Trio",
	}
	illustrators = []string{
		"七海", "Mika", "白夜", "Hoshino", "Rin", "雪见", "Atelier Sora", "Pixelbloom", "柚子茶",
	}
	devices = []string{
		"iPhone15,2 iOS 17.4", "Pixel 8 Android 14", "iPad13,8 iPadOS 17.1", "SM-S9180 Android 14",
		"Xiaomi 23127PN0CC Android 14", "Windows 11 Desktop",
	}
	chartVariants = []string{"Another", "Remaster", "Legacy", "Insanity", "Reborn", "April Fools"}
	chartTexts    = []string{
		"A chart focused on holds and flicks.", "判定线演出较多，注意读谱。", "初見殺し注意。",
		"Tech chart with lots of slides.", "献给所有喜欢这首歌的人。", "Inspired by the song's MV.",
	}
)

// tagTable is the 40 tags: name and an optional description.
var tagTable = []struct{ name, desc string }{
	{"Touhou", "Arrangements of Touhou Project music"}, {"东方", ""}, {"VOCALOID", ""},
	{"Original", "The composer uploaded the song themselves"}, {"Hardcore", ""},
	{"Festival", ""}, {"April Fools", "Charts not to be taken seriously"}, {"愚人节", ""},
	{"Speed", ""}, {"Tech", "Technical patterns"}, {"Visual", "Heavy line animation"},
	{"Rhythm Game", ""}, {"Fan-made", ""}, {"Jazz", ""}, {"Electronic", ""}, {"J-Pop", ""},
	{"Anime", ""}, {"Chiptune", ""}, {"Piano", ""}, {"Orchestral", ""}, {"Drum and Bass", ""},
	{"Dubstep", ""}, {"Happy Hardcore", ""}, {"Collab", "Charted by several people"},
	{"Meme", ""}, {"Stream", ""}, {"Trill", ""}, {"Slide", ""}, {"Flick", ""}, {"Hold", ""},
	{"Gimmick", ""}, {"Storyboard", ""}, {"Chill", ""}, {"Long", "Longer than five minutes"},
	{"Short", ""}, {"Mashup", ""}, {"Remix", ""}, {"Classical", ""}, {"Rock", ""},
	{"Event Entry", "Submitted to an event"},
}

var (
	zhComments = []string{
		"这个谱太好玩了！", "AT 的中段有点糊，但整体很棒", "判定线演出好评", "求出 HD 难度",
		"打了二十遍终于全连了", "这首歌单曲循环中", "谱师太强了，膜拜", "有几个双押读不出来……",
		"定数是不是偏低了？", "这个演出我愿称之为神作",
	}
	jaComments = []string{
		"最高の譜面でした！", "ラストのトリルが難しい…", "曲も譜面も大好きです", "初見でフルコンできた！",
		"演出が綺麗すぎる", "難易度表記より難しく感じます",
	}
	enComments = []string{
		"Absolutely love this chart!", "The ending stream is brutal.", "Great sync with the music.",
		"Finally got an FC after 30 tries.", "Difficulty feels underrated.",
		"The line animations are amazing.", "Please make an EZ chart too!",
	}
	zhReplies = []string{"同感！", "确实", "加油！", "我也是", "哈哈哈", "谢谢支持～", "下次试试倍速"}
	jaReplies = []string{"わかる！", "ありがとうございます！", "頑張ってください", "同じく"}
	enReplies = []string{"Agreed!", "Same here.", "Thanks!", "Good luck!", "lol", "Nice one."}
)

var eventTable = []struct{ title, subtitle string }{
	{"PhiZone 2023 夏季谱面创作大赛", "以夏天为主题的谱面创作"},
	{"Chart Jam 2024", "48 hours, one song, your chart"},
	{"新春谱面祭 2024", ""},
	{"Rhythm Relay Marathon", "Team relay charting"},
	{"PhiZone Spring Collab Festival", ""},
	{"「夜明け」作曲コンテスト", "オリジナル楽曲募集"},
	{"Speed Charting Challenge #7", ""},
	{"愚人节整活赛 2024", "越离谱越好"},
	{"Community Play Cup 2024", "Score attack on community charts"},
	{"PhiZone 2nd Anniversary", "周年庆典活动"},
	{"Winter Gala 2024", ""},
	{"Summer Chart Contest 2025", "Coming soon"},
}

var (
	divisionTitles = map[EventDivisionType][]string{
		DivisionSong:  {"作曲组", "Song Division", "楽曲部門"},
		DivisionChart: {"谱面组", "Chart Division", "新人谱师组", "Open Chart Division"},
		DivisionPlay:  {"游玩组", "Play Division", "Score Attack"},
	}
	teamNames = []string{
		"星轨工作室", "Team Nebula", "夜航船", "チーム・ソラ", "Crimson Notes", "咕咕咕联盟", "Flick Force",
		"月下谱社", "Hold the Line", "音の森", "Beat Saber Club", "量子谱师", "Overdrive", "晨曦乐团",
	}
	teamPositions = []string{"Charter", "Composer", "Artist", "Illustrator", "谱师", "作曲"}
	hostPositions = []string{"Judge", "Staff", "评委", "运营", "Sponsor"}
)
