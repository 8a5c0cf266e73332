export default function DocumentsPage(_props: { documentId: string | null }) {
  return <section><h1>Documents</h1></section>;
}
