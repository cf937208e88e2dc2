/** Concrete resource names in LaunchDarkly's grammar (`type/name;tag1,tag2` joined by `:`), checked against policies. */

type Tagged = { key: string; tags?: readonly string[] };

function part(type: string, item: Tagged): string {
  const tags = item.tags && item.tags.length > 0 ? `;${item.tags.join(",")}` : "";
  return `${type}/${item.key}${tags}`;
}

export function projectResource(project: Tagged): string {
  return part("proj", project);
}

export function environmentResource(project: Tagged, environment: Tagged): string {
  return `${projectResource(project)}:${part("env", environment)}`;
}

export function segmentResource(project: Tagged, environment: Tagged, segment: Tagged): string {
  return `${environmentResource(project, environment)}:${part("segment", segment)}`;
}

export function storeIntegrationResource(
  project: Tagged,
  environment: Tagged,
  integrationId: string,
): string {
  return `${environmentResource(project, environment)}:integration/${integrationId}`;
}

export function tokenResource(memberId: string, tokenId: string, serviceToken: boolean): string {
  return serviceToken ? `service-token/${tokenId}` : `member/${memberId}:token/${tokenId}`;
}

export function roleResource(roleKey: string): string {
  return `role/${roleKey}`;
}

export function memberResource(memberId: string): string {
  return `member/${memberId}`;
}
