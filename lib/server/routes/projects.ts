import "server-only";
import { collectionSchema } from "@/lib/schemas/common";
import { environmentCreateSchema, environmentSchema } from "@/lib/schemas/environment";
import { environmentPathSchema, projectPathSchema } from "@/lib/schemas/path-params";
import {
  projectCreateSchema,
  projectListQuerySchema,
  environmentListQuerySchema,
  projectRepSchema,
  projectSchema,
} from "@/lib/schemas/project";
import { assertAccess, checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, projectResource } from "@/lib/server/access/resource-names";
import { toCollection } from "@/lib/server/api/collection";
import { defineRoute } from "@/lib/server/api/define-route";
import { json, noContent } from "@/lib/server/api/responses";
import { createEnvironment } from "@/lib/server/environments/create-environment";
import { deleteEnvironment } from "@/lib/server/environments/delete-environment";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";
import { createProject } from "@/lib/server/projects/create-project";
import { deleteProject } from "@/lib/server/projects/delete-project";
import { getProjectOrThrow } from "@/lib/server/projects/get-project-or-throw";
import { getVisibleProjectOrThrow } from "@/lib/server/projects/get-visible-project-or-throw";
import { listProjects } from "@/lib/server/projects/list-projects";
import { projectNotFound } from "@/lib/server/projects/project-not-found";
import { serializeProject } from "@/lib/server/projects/serialize-project";

const PROJECTS = "/api/v2/projects";
const PROJECT = `${PROJECTS}/{projectKey}`;
const ENVIRONMENTS = `${PROJECT}/environments`;
const ENVIRONMENT = `${ENVIRONMENTS}/{environmentKey}`;

/** Projects and their environments. */
export const projectRoutes = [
  defineRoute({
    method: "GET",
    path: PROJECTS,
    schemas: { query: projectListQuerySchema },
    openapi: {
      tag: "Projects",
      summary: "List projects",
      description:
        "Only the projects the caller may view (`viewProject`), each with only the environments it may view (`viewEnvironment`); `totalCount` counts only those.",
      success: { description: "Projects", schema: collectionSchema(projectSchema) },
      errors: [403],
    },
    handle: async ({ req, query, principal }) => {
      const { items, totalCount } = await listProjects(principal, query);
      return json(toCollection(items, totalCount, { url: req.nextUrl, ...query }));
    },
  }),
  defineRoute({
    method: "POST",
    path: PROJECTS,
    schemas: { body: projectCreateSchema },
    openapi: {
      tag: "Projects",
      summary: "Create a project",
      success: { status: 201, description: "Created", schema: projectRepSchema },
      errors: [403, 409, 413, 415],
    },
    handle: async ({ body, principal }) => {
      assertAccess(principal, "createProject", projectResource(body));
      return json(await createProject(principal, body), 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: PROJECT,
    schemas: { params: projectPathSchema },
    openapi: {
      tag: "Projects",
      summary: "Get a project",
      description:
        "A project the caller may not view (`viewProject`) is a 404, exactly like an unknown key. Only the environments it may view are listed.",
      success: { description: "Project", schema: projectSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) =>
      json(serializeProject(await getVisibleProjectOrThrow(principal, params.projectKey))),
  }),
  defineRoute({
    method: "DELETE",
    path: PROJECT,
    schemas: { params: projectPathSchema },
    openapi: {
      tag: "Projects",
      summary: "Delete a project",
      description:
        "Needs `deleteProject`. Deletes every environment in it as deleting each would (segments, members, sync history; Redis stores retired and cleaned by the worker). A project the caller may neither view nor delete is a 404, exactly like an unknown key.",
      success: { description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      await deleteProject(principal, params.projectKey);
      return noContent();
    },
  }),
  defineRoute({
    method: "GET",
    path: ENVIRONMENTS,
    schemas: { params: projectPathSchema, query: environmentListQuerySchema },
    openapi: {
      tag: "Environments",
      summary: "List environments",
      description:
        "Only the environments the caller may view (`viewEnvironment`). A project the caller may not view is a 404, exactly like an unknown key.",
      success: { description: "Environments", schema: collectionSchema(environmentSchema) },
      errors: [403, 404],
    },
    handle: async ({ req, params, query, principal }) => {
      const project = await getVisibleProjectOrThrow(principal, params.projectKey);
      const items = project.environments.map((environment) => serializeEnvironment(project.key, environment));
      return json(
        toCollection(items.slice(query.offset, query.offset + query.limit), items.length, {
          url: req.nextUrl,
          ...query,
        }),
      );
    },
  }),
  defineRoute({
    method: "POST",
    path: ENVIRONMENTS,
    schemas: { params: projectPathSchema, body: environmentCreateSchema },
    openapi: {
      tag: "Environments",
      summary: "Create an environment",
      description:
        "Needs `createEnvironment`. A caller who may neither view the project nor create here gets the 404 of an unknown key.",
      success: { status: 201, description: "Created", schema: environmentSchema },
      errors: [403, 404, 409, 413, 415],
    },
    handle: async ({ params, body, principal }) => {
      const project = await getProjectOrThrow(params.projectKey);
      const target = environmentResource(project, body);
      // Who may neither view the project nor create here learns nothing of it: the answer for a made-up key.
      if (
        !checkAccess(principal, "viewProject", projectResource(project)).allowed &&
        !checkAccess(principal, "createEnvironment", target).allowed
      ) {
        throw projectNotFound(params.projectKey);
      }
      assertAccess(principal, "createEnvironment", target);
      return json(await createEnvironment(principal, project, body), 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: ENVIRONMENT,
    schemas: { params: environmentPathSchema },
    openapi: {
      tag: "Environments",
      summary: "Get an environment",
      description:
        "An environment the caller may not view (`viewEnvironment`) is a 404, exactly like an unknown key.",
      success: { description: "Environment", schema: environmentSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const environment = await getVisibleEnvironmentOrThrow(
        principal,
        params.projectKey,
        params.environmentKey,
      );
      return json(serializeEnvironment(environment.project.key, environment));
    },
  }),
  defineRoute({
    method: "DELETE",
    path: ENVIRONMENT,
    schemas: { params: environmentPathSchema },
    openapi: {
      tag: "Environments",
      summary: "Delete an environment",
      description:
        "Needs `deleteEnvironment`. Deletes its segments, their members and its sync history; its Redis stores are retired, so the worker removes the refs they wrote before their targets are free. An environment the caller may neither view nor delete is a 404, exactly like an unknown key.",
      success: { description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      await deleteEnvironment(principal, await getProjectOrThrow(params.projectKey), params.environmentKey);
      return noContent();
    },
  }),
];
