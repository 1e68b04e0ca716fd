import { Type, type Static } from 'typebox';

/** A project's name as people write it: any text, bounded. */
export const ProjectName = Type.String({ minLength: 1, maxLength: 200 });
/** A version label: `1.0`, `2.1.3`, `2026-Q1` … */
export const ProjectVersion = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
});
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 });
/** What a member may do in a project. */
export const ProjectRoleSchema = Type.Union([
  Type.Literal('view'),
  Type.Literal('edit'),
  Type.Literal('manage'),
]);

export const ProjectMemberSchema = Type.Object({
  user: Type.String(),
  role: ProjectRoleSchema,
  since: Type.String(),
});

/** A project as the API shows it. */
export const ProjectSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  version: Type.String(),
  description: Type.String(),
  tags: Type.Array(Type.String()),
  members: Type.Array(ProjectMemberSchema),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Project = Static<typeof ProjectSchema>;

/** `POST /api/v1/projects`. */
export const NewProjectBody = Type.Object(
  {
    name: ProjectName,
    version: Type.Optional(ProjectVersion),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false },
);

/** `PATCH /api/v1/projects/{id}`: at least one field. */
export const ProjectChangesBody = Type.Object(
  {
    name: Type.Optional(ProjectName),
    version: Type.Optional(ProjectVersion),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** `POST /api/v1/projects/{id}/members`. */
export const ProjectMemberBody = Type.Object(
  { user: Type.String({ minLength: 1, maxLength: 200 }), role: ProjectRoleSchema },
  { additionalProperties: false },
);
