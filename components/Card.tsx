/**
 * The explanation card a reader opens by clicking a highlighted phrase: what was flagged,
 * why it matters, neutral alternatives and a reference, plus ways to silence a rule set or a
 * site. All page and pack text goes through Preact as text, never as markup.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Flag } from '../core/flag';
import { CATEGORY_LABELS, KIND_LABELS, SEVERITY_LABELS } from '../core/labels';
import type { Rule } from '../core/schema';
import './Card.css';

/** Where the flagged phrase is on screen (viewport coordinates). */
export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardProps {
  flag: Flag;
  /** The rule behind the flag; missing only if its pack vanished between analysis and click. */
  rule?: Rule;
  packName?: string;
  /** 1-based position of this flag among the page's flags, and how many there are. */
  index: number;
  total: number;
  anchor: AnchorRect;
  hostname: string;
  onClose: () => void;
  onStep: (direction: 'next' | 'previous') => void;
  onDisablePack: (packId: string) => void;
  onDisableSite: (hostname: string) => void;
}

/** Gap between the phrase and the card, and between the card and the viewport edge. */
const GAP = 8;

/**
 * Below the phrase when it fits, otherwise above, otherwise wherever keeps it on screen;
 * horizontally aligned with the phrase but never past either edge.
 */
export function placeCard(
  anchor: AnchorRect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const maxLeft = Math.max(GAP, viewport.width - size.width - GAP);
  const left = Math.min(Math.max(anchor.left, GAP), maxLeft);
  let top: number;
  if (anchor.bottom + GAP + size.height <= viewport.height - GAP) top = anchor.bottom + GAP;
  else if (anchor.top - GAP - size.height >= GAP) top = anchor.top - GAP - size.height;
  else top = viewport.height - size.height - GAP;
  return { left, top: Math.max(GAP, top) };
}

/** Collapses the page's source whitespace (newlines, indentation) for display. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function Card(props: CardProps) {
  const { flag, rule, anchor } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const titleId = 'unspun-card-title';

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const view = element.ownerDocument.defaultView ?? window;
    setPosition(
      placeCard(anchor, { width: element.offsetWidth, height: element.offsetHeight }, {
        width: view.innerWidth,
        height: view.innerHeight,
      }),
    );
  }, [anchor.left, anchor.top, anchor.right, anchor.bottom, flag.id]);

  // Focus moves into the card whenever it shows a new flag, so keyboard and screen-reader
  // users land on what they asked for; a reader pressing "Next ›" again and again keeps
  // focus on that button.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const root = element.getRootNode() as Document | ShadowRoot;
    if (root.activeElement && element.contains(root.activeElement)) return;
    element.focus({ preventScroll: true });
  }, [flag.id]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  };

  const kindLabel = KIND_LABELS[flag.kind];
  const categoryLabel = CATEGORY_LABELS[flag.category];
  const style = position
    ? { left: `${position.left}px`, top: `${position.top}px` }
    : // Measured off screen first, then placed: no flash at a wrong spot.
      { left: '-10000px', top: '0px' };

  return (
    <div
      ref={dialog}
      class={`unspun-card unspun-kind-${flag.kind}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={style}
      onKeyDown={onKeyDown}
    >
      <header class="unspun-card-header">
        <h2 id={titleId} class="unspun-card-title">
          <span class="unspun-card-swatch" aria-hidden="true" />
          {kindLabel}
        </h2>
        <button type="button" class="unspun-card-close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <p class="unspun-card-meta">
        {categoryLabel} · {SEVERITY_LABELS[flag.severity]} severity
        {props.packName ? ` · ${props.packName}` : ''}
      </p>
      <blockquote class="unspun-card-phrase">{tidy(flag.text)}</blockquote>
      {flag.quoted && <p class="unspun-card-quoted">In a quotation — said by someone else</p>}
      {flag.kind === 'unsourced-assertion' && flag.trigger && (
        <p class="unspun-card-trigger">
          Reads as a claim because of: <strong>{tidy(flag.trigger.text)}</strong>
        </p>
      )}
      {rule ? (
        <>
          <p class="unspun-card-explanation">{rule.explanation}</p>
          {rule.alternatives.length > 0 && (
            <div class="unspun-card-alternatives">
              <span class="unspun-card-label">Neutral alternatives:</span>
              <ul>
                {rule.alternatives.map((alternative) => (
                  <li key={alternative}>{alternative}</li>
                ))}
              </ul>
            </div>
          )}
          <p class="unspun-card-reference">
            <a href={rule.reference.url} target="_blank" rel="noopener noreferrer">
              {rule.reference.title}
            </a>
          </p>
        </>
      ) : (
        <p class="unspun-card-explanation">This rule is no longer in your rule sets.</p>
      )}
      <div class="unspun-card-actions">
        <button type="button" onClick={() => props.onDisablePack(flag.packId)}>
          Turn off this rule set
        </button>
        <button type="button" onClick={() => props.onDisableSite(props.hostname)}>
          Not on this site
        </button>
      </div>
      <nav class="unspun-card-nav" aria-label="Flags on this page">
        <button type="button" onClick={() => props.onStep('previous')} disabled={props.total < 2}>
          ‹ Previous
        </button>
        <span class="unspun-card-count">
          {props.index} of {props.total}
        </span>
        <button type="button" onClick={() => props.onStep('next')} disabled={props.total < 2}>
          Next ›
        </button>
      </nav>
    </div>
  );
}
