package main

// The reference operations of the product, as frontends send them: the
// same documents as cmd/bench's (a test keeps them in step), and the reads
// whose answers belong to one caller.

var operationNames = []string{"ChartList", "ChartPage", "UserPage", "EventPage"}

var operations = map[string]string{
	"ChartList": `query ChartList {
  charts(first: 30, filter: { isRanked: true, minDifficulty: 10 },
         orderBy: [{ field: DIFFICULTY, direction: DESC }]) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes {
      id title level levelType difficulty isRanked
      song { id title duration }
      owner { id userName region { code } }
    }
  }
}`,
	"ChartPage": `query ChartPage($id: ID!) {
  chart(id: $id) {
    id level levelType difficulty noteCount rating likeCount dateCreated
    song { id title authorName bpm }
    owner { id userName }
    authors { position user { id userName } }
    tags { name }
    leaderboard(top: 5) { position score accuracy owner { userName } }
    comments(first: 5) {
      totalCount
      nodes {
        content owner { userName }
        replies(first: 3) { totalCount nodes { content owner { userName } } }
      }
    }
  }
}`,
	"UserPage": `query UserPage($id: ID!) {
  user(id: $id) {
    id userName gender role rks followerCount dateJoined
    region { code name }
    followers(first: 5) { totalCount nodes { id userName } }
    charts(first: 10) { totalCount nodes { id level difficulty song { title } } }
  }
}`,
	"EventPage": `query EventPage($id: ID!) {
  event(id: $id) {
    id title subtitle dateUnveiled
    hosts { position user { userName } }
    divisions(first: 10) {
      totalCount
      nodes { id title type status dateStarted dateEnded entryCount }
    }
  }
}`,
}

// The caller's own reads: Me for signed-in callers only, ChartLiked for
// everyone, on the chart the liker liked.
const (
	opMe         = "Me"
	opChartLiked = "ChartLiked"
)

var personal = map[string]string{
	opMe:         `query Me { me { id userName } }`,
	opChartLiked: `query ChartLiked($id: ID!) { chart(id: $id) { id dateLiked } }`,
}

// The writes of the setup: a sign-in per signed-in caller, and the like.
const (
	loginMutation = `mutation SignIn($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken }
}`
	likeMutation = `mutation Like($id: ID!) {
  likeChart(input: { chartId: $id }) { chart { id dateLiked } }
}`
)
