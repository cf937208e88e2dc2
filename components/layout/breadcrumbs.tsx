import Link from "next/link";
import type { EnvironmentNames } from "@/lib/dashboard/environment-names";

export type Crumb = { label: string; href?: string };

/** Projects › the project › the environment (its segments), each a link. */
export function environmentCrumbs(names: EnvironmentNames): Crumb[] {
  const projectKey = encodeURIComponent(names.projectKey);
  return [
    { label: "Projects", href: "/projects" },
    { label: names.projectName, href: `/projects/${projectKey}` },
    {
      label: names.environmentName,
      href: `/${projectKey}/${encodeURIComponent(names.environmentKey)}/segments`,
    },
  ];
}

/** Where a page sits: every step but the last is a link; the last is the page itself. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-x-1.5">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-x-1.5">
            {index > 0 ? <span aria-hidden="true">/</span> : null}
            {item.href && index < items.length - 1 ? (
              <Link href={item.href} className="break-all hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="break-all text-slate-700">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
