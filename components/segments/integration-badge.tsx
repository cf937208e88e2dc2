/** A letter mark per partner integration: recognisable at a glance without shipping anyone's trademark artwork. */
const MARKS: Readonly<Record<string, { letter: string; color: string }>> = {
  amplitude: { letter: "A", color: "#1e61f0" },
  "segment-audiences": { letter: "S", color: "#0f9f6e" },
  "census-synced-segments": { letter: "C", color: "#7c3aed" },
  rudderstack: { letter: "R", color: "#1e3a8a" },
  "heap-inbound": { letter: "H", color: "#db2777" },
  hightouch: { letter: "Ht", color: "#15803d" },
  zeotap: { letter: "Z", color: "#ea580c" },
  "tealium-synced-segments": { letter: "T", color: "#0284c7" },
};

function markOf(integrationKey: string) {
  return MARKS[integrationKey] ?? { letter: integrationKey.charAt(0).toUpperCase(), color: "#475569" };
}

export function IntegrationLogo({ integrationKey, size = 18 }: { integrationKey: string; size?: number }) {
  const { letter, color } = markOf(integrationKey);
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      className="shrink-0"
      data-integration={integrationKey}
    >
      <rect width="20" height="20" rx="5" fill={color} />
      <text
        x="10"
        y="14"
        textAnchor="middle"
        fontSize={letter.length > 1 ? 9 : 11}
        fontWeight="700"
        fontFamily="ui-sans-serif, system-ui, sans-serif"
        fill="#ffffff"
      >
        {letter}
      </text>
    </svg>
  );
}

/** The integration's mark and name; `name` comes from GET /api/v2/integrations, the key stands in until it is known. */
export function IntegrationBadge({ integrationKey, name }: { integrationKey: string; name?: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <IntegrationLogo integrationKey={integrationKey} />
      <span>{name ?? integrationKey}</span>
    </span>
  );
}
