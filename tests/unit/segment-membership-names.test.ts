import { describe, expect, it } from "vitest";
import { trackedFiles } from "./tracked-files";

/**
 * "Members" are the people on the team (lib/server/members, settings/members). A segment's context keys are its
 * segment members or its membership, so file names in the segment screens, the segment CSV code and the partner sync
 * say so. Folder names are left out: `segments/[segmentKey]/members` is the tab's URL.
 */
const SEGMENT_MEMBERSHIP_FOLDERS = [
  /^app\/\(dashboard\)\/(.+\/)?segments\//,
  /^lib\/csv\//,
  /^lib\/server\/segment-members\//,
  /^lib\/server\/sync\//,
];

/** `member-…`, `…-members.ts`: "member" as a word of the file name, not after `segment-`. */
const BARE_MEMBER = /(^|[-_.])members?([-_.]|$)/;
const SEGMENT_MEMBER = /(^|[-_.])segment-members?([-_.]|$)/;

function bareMemberFileNames(files: readonly string[]): string[] {
  return files.filter((file) => {
    if (!SEGMENT_MEMBERSHIP_FOLDERS.some((folder) => folder.test(file))) return false;
    const name = file.slice(file.lastIndexOf("/") + 1);
    return BARE_MEMBER.test(name.replace(SEGMENT_MEMBER, "$1segment$2"));
  });
}

describe("segment membership file names", () => {
  it("flags a bare member- or members- file name in the segment screens and the CSV code", () => {
    const segmentTab = "app/(dashboard)/[projectKey]/[environmentKey]/segments/[segmentKey]/members";
    expect(
      bareMemberFileNames([
        `${segmentTab}/members-view.tsx`,
        `${segmentTab}/_components/member-list.tsx`,
        "app/(dashboard)/[projectKey]/[environmentKey]/segments/[segmentKey]/_components/member-count-chart.tsx",
        "lib/csv/member-key-escaping.ts",
        "lib/server/segment-members/stream-members-csv.ts",
        "lib/server/sync/partner-member-key.ts",
      ]),
    ).toHaveLength(6);
    expect(
      bareMemberFileNames([
        `${segmentTab}/segment-members-view.tsx`,
        `${segmentTab}/_components/segment-member-list.tsx`,
        `${segmentTab}/page.tsx`,
        "lib/csv/context-key-escaping.ts",
        "lib/server/segment-members/list-segment-members.ts",
        "app/(dashboard)/settings/members/members-view.tsx",
        "lib/server/members/list-members.ts",
      ]),
    ).toEqual([]);
  });

  it("finds none in the repository", () => {
    expect(bareMemberFileNames(trackedFiles())).toEqual([]);
  });
});
