import type { Schema } from '../api';
import { t } from '../i18n';

export type DiffPart = Schema<'DiffPartDto'>;

/**
 * A board's decision text beside the reference text, word by word: words missing from the
 * board's text are struck through on the reference side, added words underlined on the board's
 * side; each change also says "saknas"/"tillagt" to screen readers, so nothing rests on colour.
 * Texts that differ too much to compare word by word (`wordByWord` false) come as one passage
 * struck through and one underlined, with a note saying so.
 */
export function WordDiff({ parts, board, wordByWord = true }: { parts: DiffPart[]; board: string; wordByWord?: boolean }) {
  const side = (keep: 'missing' | 'extra') =>
    parts
      .filter((p) => p.op === 'same' || p.op === keep)
      .map((p) => {
        const text = p.words.join(' ');
        if (p.op === 'same') return <span>{text} </span>;
        return p.op === 'missing' ? (
          <>
            <del class="word">
              <span class="visually-hidden">[{t('missingWords')}: </span>
              {text}
              <span class="visually-hidden">]</span>
            </del>{' '}
          </>
        ) : (
          <>
            <ins class="word">
              <span class="visually-hidden">[{t('extraWords')}: </span>
              {text}
              <span class="visually-hidden">]</span>
            </ins>{' '}
          </>
        );
      });
  return (
    <figure class="diff-figure">
      <figcaption>
        <strong>{t('diffTitle', { board })}</strong> <span class="muted">{t('diffLegend')}</span>
        {!wordByWord && <p class="muted">{t('diffTooDifferent')}</p>}
      </figcaption>
      <div class="diff">
        <div>
          <h4>{t('diffReference')}</h4>
          <p>{side('missing')}</p>
        </div>
        <div>
          <h4>{t('diffDecision')}</h4>
          <p>{side('extra')}</p>
        </div>
      </div>
    </figure>
  );
}
