import { z } from "zod";

/** Path parameters, as the routes declare them and the OpenAPI document describes them. */
export const projectKeyParam = z.string().meta({ description: "The project key" });
export const environmentKeyParam = z.string().meta({ description: "The environment key" });
export const segmentKeyParam = z.string().meta({ description: "The segment key" });

export const projectPathSchema = z.object({ projectKey: projectKeyParam });
export const environmentPathSchema = projectPathSchema.extend({ environmentKey: environmentKeyParam });
export const segmentPathSchema = environmentPathSchema.extend({ segmentKey: segmentKeyParam });
