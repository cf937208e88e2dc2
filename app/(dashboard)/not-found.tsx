import Link from "next/link";

/** A project, environment or segment that does not exist or that this member may not view (the API answers 404 alike). */
export default function DashboardNotFound() {
  return (
    <div className="flex flex-col items-start gap-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-slate-600">
        This page does not exist, or your role does not let you see it. Check the address, or pick a project.
      </p>
      <Link href="/projects" className="text-sm font-medium text-indigo-700 hover:underline">
        All projects
      </Link>
    </div>
  );
}
