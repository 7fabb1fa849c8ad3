package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/phizone/graphql-facade/globalid"
	"github.com/phizone/graphql-facade/graph/model"
	"github.com/phizone/graphql-facade/loaders"
	"github.com/phizone/graphql-facade/upstream"
)

// Writes of announcements, applications and service scripts, in the
// manner of writes.go: the caller and every ID are checked before any
// upstream call, and the answer is read again after the write. The test,
// play configurations and resource records are in writes_platform_player.go.

// publicResourceTypeNames are the GraphQL types of PublicResourceType's
// values, by value.
var publicResourceTypeNames = []string{"Chapter", "Collection", "Song", "Chart", "Event", "EventDivision"}

// guidOfAny reads a GUID, or a global ID of one of typeNames.
func guidOfAny(argument, id string, typeNames ...string) (string, error) {
	if guidPattern.MatchString(id) {
		return id, nil
	}
	if t, local, err := globalid.Decode(id); err == nil && guidPattern.MatchString(local) {
		for _, name := range typeNames {
			if t == name {
				return local, nil
			}
		}
	}
	return "", badInput(argument, "%s must be a GUID or a global ID of a %v, got %q", argument, typeNames, id)
}

// CreateAnnouncement posts an announcement and reads it back.
func (r *mutationResolver) CreateAnnouncement(
	ctx context.Context, input model.CreateAnnouncementInput,
) (*model.AnnouncementPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	a := upstream.NewAnnouncement{Title: input.Title, Content: input.Content}
	if input.ResourceType != nil {
		a.ResourceType = *input.ResourceType
	}
	if input.ResourceID != nil {
		typeName := "the kind resourceType names"
		if int(a.ResourceType) < len(publicResourceTypeNames) {
			typeName = publicResourceTypeNames[a.ResourceType]
		}
		id, err := localGUID("input.resourceId", *input.ResourceID, typeName)
		if err != nil {
			return nil, err
		}
		a.ResourceID = &id
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateAnnouncement(ctx, a)
	if err != nil {
		return nil, err
	}
	return announcementPayload(c.GetAnnouncement(ctx, id))
}

// UpdateAnnouncement sends the announcement's fields given as a JSON Patch.
func (r *mutationResolver) UpdateAnnouncement(
	ctx context.Context, input model.UpdateAnnouncementInput,
) (*model.AnnouncementPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "title", input.Title, false)
	addField(&p, "content", input.Content, false)
	if err := p.check(); err != nil {
		return nil, err
	}
	id, err := localGUID("input.announcementId", input.AnnouncementID, "Announcement")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateAnnouncement(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return announcementPayload(c.GetAnnouncement(ctx, id))
}

// DeleteAnnouncement removes an announcement and answers with the global
// ID it had.
func (r *mutationResolver) DeleteAnnouncement(
	ctx context.Context, input model.AnnouncementInput,
) (*model.DeleteAnnouncementPayload, error) {
	gid, err := removeByGUID(ctx, "input.announcementId", input.AnnouncementID, "Announcement",
		(*upstream.Client).DeleteAnnouncement)
	if err != nil {
		return nil, err
	}
	return &model.DeleteAnnouncementPayload{DeletedAnnouncementID: &gid}, nil
}

// removeByGUID checks the caller and the ID, removes the object with del
// and returns the global ID it had.
func removeByGUID(
	ctx context.Context, argument, raw, typeName string, del func(*upstream.Client, context.Context, string) error,
) (string, error) {
	if err := signedIn(ctx); err != nil {
		return "", err
	}
	id, err := localGUID(argument, raw, typeName)
	if err != nil {
		return "", err
	}

	if err := del(loaders.For(ctx).Client(), ctx, id); err != nil {
		return "", err
	}
	return globalid.Encode(typeName, id), nil
}

// CreateApplication streams the new application's form and pictures
// upstream and reads the application back.
func (r *mutationResolver) CreateApplication(
	ctx context.Context, input model.CreateApplicationInput,
) (*model.ApplicationPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	owner, err := localUserID("input.ownerId", input.OwnerID)
	if err != nil {
		return nil, err
	}
	avatar, _ := formFile(&input.Avatar)
	illustration, _ := formFile(&input.Illustration)

	c := loaders.For(ctx).Client()
	id, err := c.CreateApplication(ctx, upstream.NewApplication{
		Name: input.Name, Avatar: avatar, Illustration: illustration, Illustrator: input.Illustrator,
		Description: input.Description, Homepage: input.Homepage, APIEndpoint: input.APIEndpoint,
		Type: input.Type, Secret: input.Secret, OwnerID: owner,
	})
	if err != nil {
		return nil, err
	}
	return applicationPayload(c.GetApplication(ctx, id))
}

// UpdateApplication sends the application's fields given as a JSON Patch.
func (r *mutationResolver) UpdateApplication(
	ctx context.Context, input model.UpdateApplicationInput,
) (*model.ApplicationPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "name", input.Name, false)
	addField(&p, "illustrator", input.Illustrator, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "homepage", input.Homepage, false)
	addField(&p, "apiEndpoint", input.APIEndpoint, true)
	addField(&p, "type", input.Type, false)
	addField(&p, "secret", input.Secret, false)
	if err := addUserField(&p, "ownerId", input.OwnerID); err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}

	return applicationTarget.write(ctx, input.ApplicationID, func(c *upstream.Client, id string) error {
		return c.UpdateApplication(ctx, id, p.ops)
	})
}

// addUserField adds the operation for a user ID field: its global ID or
// numeric ID becomes the number the upstream takes; it cannot be removed.
func addUserField(p *patch, field string, v graphql.Omittable[*string]) error {
	raw, given := v.ValueOK()
	switch {
	case !given:
		return nil
	case raw == nil:
		return badInput("input."+field, "%s cannot be removed; give a value or leave it out", field)
	}
	id, err := localUserID("input."+field, *raw)
	if err != nil {
		return err
	}
	p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/" + field, Value: id})
	return nil
}

// UpdateApplicationAvatar streams the uploaded picture upstream.
func (r *mutationResolver) UpdateApplicationAvatar(
	ctx context.Context, input model.UpdateApplicationAvatarInput,
) (*model.ApplicationPayload, error) {
	return applicationTarget.write(ctx, input.ApplicationID, func(c *upstream.Client, id string) error {
		return c.UpdateApplicationAvatar(ctx, id, input.File.Filename, input.File.File)
	})
}

// UpdateApplicationIllustration streams the uploaded picture upstream.
func (r *mutationResolver) UpdateApplicationIllustration(
	ctx context.Context, input model.UpdateApplicationIllustrationInput,
) (*model.ApplicationPayload, error) {
	return applicationTarget.write(ctx, input.ApplicationID, func(c *upstream.Client, id string) error {
		return c.UpdateApplicationIllustration(ctx, id, input.File.Filename, input.File.File)
	})
}

// DeleteApplication removes an application and answers with the global ID
// it had.
func (r *mutationResolver) DeleteApplication(
	ctx context.Context, input model.ApplicationInput,
) (*model.DeleteApplicationPayload, error) {
	gid, err := removeByGUID(ctx, "input.applicationId", input.ApplicationID, "Application",
		(*upstream.Client).DeleteApplication)
	if err != nil {
		return nil, err
	}
	return &model.DeleteApplicationPayload{DeletedApplicationID: &gid}, nil
}

// serviceScriptOwners are the kinds of object that offer service scripts.
var serviceScriptOwners = []string{"Application", "Event"}

// serviceScriptPayload reads a service script again after a write.
func serviceScriptPayload(ctx context.Context, c *upstream.Client, id string) (*model.ServiceScriptPayload, error) {
	s, err := c.GetServiceScript(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ServiceScriptPayload{ServiceScript: s}, nil
}

// CreateServiceScript creates a service script and reads it back.
func (r *mutationResolver) CreateServiceScript(
	ctx context.Context, input model.CreateServiceScriptInput,
) (*model.ServiceScriptPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	s := upstream.NewServiceScript{
		Name: input.Name, TargetType: input.TargetType, Description: input.Description,
		Code: input.Code, Parameters: input.Parameters,
	}
	if input.ResourceID != nil {
		id, err := guidOfAny("input.resourceId", *input.ResourceID, serviceScriptOwners...)
		if err != nil {
			return nil, err
		}
		s.ResourceID = &id
	}

	c := loaders.For(ctx).Client()
	id, err := c.CreateServiceScript(ctx, s)
	if err != nil {
		return nil, err
	}
	return serviceScriptPayload(ctx, c, id)
}

// UpdateServiceScript sends the script's fields given as a JSON Patch.
func (r *mutationResolver) UpdateServiceScript(
	ctx context.Context, input model.UpdateServiceScriptInput,
) (*model.ServiceScriptPayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	var p patch
	addField(&p, "name", input.Name, false)
	addField(&p, "targetType", input.TargetType, false)
	addField(&p, "description", input.Description, true)
	addField(&p, "code", input.Code, false)
	addSliceField(&p, "parameters", input.Parameters, false)
	if raw, given := input.ResourceID.ValueOK(); given {
		if raw == nil {
			p.ops = append(p.ops, upstream.PatchOp{Op: "remove", Path: "/resourceId"})
		} else {
			owner, err := guidOfAny("input.resourceId", *raw, serviceScriptOwners...)
			if err != nil {
				return nil, err
			}
			p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/resourceId", Value: owner})
		}
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	id, err := localGUID("input.serviceScriptId", input.ServiceScriptID, "ServiceScript")
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	if err := c.UpdateServiceScript(ctx, id, p.ops); err != nil {
		return nil, err
	}
	return serviceScriptPayload(ctx, c, id)
}

// addSliceField is addField for list fields, which gqlgen gives without a
// pointer: null is a nil list.
func addSliceField[T any](p *patch, field string, v graphql.Omittable[[]T], nullable bool) {
	value, given := v.ValueOK()
	switch {
	case !given || p.err != nil:
	case value != nil:
		p.ops = append(p.ops, upstream.PatchOp{Op: "replace", Path: "/" + field, Value: value})
	case nullable:
		p.ops = append(p.ops, upstream.PatchOp{Op: "remove", Path: "/" + field})
	default:
		p.err = badInput("input."+field, "%s cannot be removed; give a value or leave it out", field)
	}
}

// DeleteServiceScript removes a service script and answers with the global
// ID it had.
func (r *mutationResolver) DeleteServiceScript(
	ctx context.Context, input model.ServiceScriptInput,
) (*model.DeleteServiceScriptPayload, error) {
	gid, err := removeByGUID(ctx, "input.serviceScriptId", input.ServiceScriptID, "ServiceScript",
		(*upstream.Client).DeleteServiceScript)
	if err != nil {
		return nil, err
	}
	return &model.DeleteServiceScriptPayload{DeletedServiceScriptID: &gid}, nil
}

// UseServiceScript runs a service script and answers with what it said
// and the script read fresh.
func (r *mutationResolver) UseServiceScript(
	ctx context.Context, input model.UseServiceScriptInput,
) (*model.ServiceScriptUsePayload, error) {
	if err := signedIn(ctx); err != nil {
		return nil, err
	}
	id, err := localGUID("input.serviceScriptId", input.ServiceScriptID, "ServiceScript")
	if err != nil {
		return nil, err
	}
	parameters, err := serviceParameters(input.Parameters)
	if err != nil {
		return nil, err
	}

	c := loaders.For(ctx).Client()
	result, err := c.UseServiceScript(ctx, id, parameters)
	if err != nil {
		return nil, err
	}
	script, err := c.GetServiceScript(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ServiceScriptUsePayload{Result: result, ServiceScript: script}, nil
}

// serviceParameters turns the parameters of a run of a service script into
// the map the upstream takes, refusing a name given twice.
func serviceParameters(list []model.ServiceScriptParameterInput) (map[string]string, error) {
	parameters := make(map[string]string, len(list))
	for _, p := range list {
		if _, twice := parameters[p.Name]; twice {
			return nil, badInput("input.parameters", "parameter %q is given twice", p.Name)
		}
		parameters[p.Name] = p.Value
	}
	return parameters, nil
}
