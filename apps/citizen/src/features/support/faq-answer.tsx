/** An FAQ answer: one paragraph per line, as written in the FAQ file. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <div className="support-answer">
      {text.split('\n').map((paragraph, index) => (
        // The paragraphs of one fixed answer never move: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  )
}
