package sandbox

// getRecords is GET /records (RecordFilterDto). Records embed their chart
// and owner.
func (c *call) getRecords() {
	l, ok := c.bind(specFor[recordFilter, Record](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Records, nil, nil)
	c.many(mapList(page, c.record), total, l.listParams)
}

// getRecord is GET /records/{id}, under an ETag.
func (c *call) getRecord() {
	r := c.d.Record(c.params["id"])
	if r == nil {
		c.notFound()
		return
	}
	c.one(c.record(*r))
}

// getComments is GET /comments (CommentFilterDto).
func (c *call) getComments() {
	l, ok := c.bind(specFor[commentFilter, Comment](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Comments, nil, nil)
	c.many(mapList(page, c.comment), total, l.listParams)
}

// getComment is GET /comments/{id}, under an ETag.
func (c *call) getComment() {
	v := c.d.Comment(c.params["id"])
	if v == nil {
		c.notFound()
		return
	}
	c.one(c.comment(*v))
}

// getCommentReplies is GET /comments/{id}/replies (ReplyFilterDto).
func (c *call) getCommentReplies() {
	l, ok := c.bind(specFor[replyFilter, Reply](), false)
	if !ok {
		return
	}
	id := c.params["id"]
	if c.d.Comment(id) == nil {
		c.notFound()
		return
	}
	page, total := collect(l, c.d.Replies, func(r *Reply) bool { return r.CommentID == id }, nil)
	c.many(mapList(page, c.reply), total, l.listParams)
}

// getReplies is GET /replies (ReplyFilterDto).
func (c *call) getReplies() {
	l, ok := c.bind(specFor[replyFilter, Reply](), false)
	if !ok {
		return
	}
	page, total := collect(l, c.d.Replies, nil, nil)
	c.many(mapList(page, c.reply), total, l.listParams)
}

// getReply is GET /replies/{id}, under an ETag.
func (c *call) getReply() {
	i, ok := c.d.idx.replies[c.params["id"]]
	if !ok {
		c.notFound()
		return
	}
	c.one(c.reply(c.d.Replies[i]))
}
