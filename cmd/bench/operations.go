package main

// The reference operations of the product, as frontends send them.

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
