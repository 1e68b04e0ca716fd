/** Previous and next page buttons for a paged list, with where the page is. */
export function Pager(props: {
  label: string;
  offset: number;
  limit: number;
  shown: number;
  total: number | null;
  hasNext: boolean;
  onPage: (offset: number) => void;
}) {
  const { offset, limit, shown, total, hasNext, onPage } = props;
  const first = shown === 0 ? 0 : offset + 1;
  return (
    <nav class="pager" aria-label={props.label}>
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - limit))}
      >
        Previous page
      </button>
      <span aria-live="polite" class="pager-status">
        {first.toLocaleString('en')}–{(offset + shown).toLocaleString('en')}
        {total === null ? '' : ` of ${total.toLocaleString('en')}`}
      </span>
      <button type="button" disabled={!hasNext} onClick={() => onPage(offset + limit)}>
        Next page
      </button>
    </nav>
  );
}
