/** " · source", linking a document's original address when it has one (opened apart from room39, no referrer). */
export function SourceLink({ url }: { url: string | null | undefined }) {
  if (!url) return null;
  return (
    <>
      {' · '}
      <a href={url} rel="noopener noreferrer nofollow" target="_blank">
        source
      </a>
    </>
  );
}
