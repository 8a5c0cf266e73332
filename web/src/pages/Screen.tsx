export default function ScreenPage(_props: { id?: string }) {
  return <section><h1>Screen</h1></section>;
}
