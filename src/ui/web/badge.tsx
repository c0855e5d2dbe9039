import type { ComponentChildren } from 'preact';

/** A symbol and a word in a colour: readable without the colour. */
export function Badge(props: { symbol: string; tone: string; children: ComponentChildren }) {
  return (
    <span class={`badge tone-${props.tone}`}>
      <span aria-hidden="true">{props.symbol}</span> {props.children}
    </span>
  );
}
