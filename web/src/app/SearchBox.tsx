import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { autocompleteKey, fetchAutocomplete } from '../search/search-api.ts';
import type { Suggestion } from '../api/types.ts';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';

const AUTOCOMPLETE_DELAY_MS = 300;

function suggestionTarget(suggestion: Suggestion): string {
  if (suggestion.type === 'video' && suggestion.id) return `/watch/${suggestion.id}`;
  if (suggestion.type === 'channel' && suggestion.id) return `/channel/${suggestion.id}`;
  return `/search?q=${encodeURIComponent(suggestion.text)}`;
}

/**
 * The top bar's search field, with an autocomplete list that follows the arrow keys. On phones it is
 * hidden until the top bar's search icon `expanded` it; it takes the focus then and reports `onDone`.
 */
export function SearchBox({ expanded = false, onDone }: { expanded?: boolean; onDone?: () => void }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (expanded) field.current?.focus();
  }, [expanded]);
  const typed = useDebouncedValue(text.trim(), AUTOCOMPLETE_DELAY_MS);

  const suggestions = useQuery({
    queryKey: autocompleteKey(typed),
    queryFn: ({ signal }) => fetchAutocomplete(typed, signal),
    enabled: typed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items = typed ? (suggestions.data ?? []) : [];

  useEffect(() => setActive(-1), [typed]);

  const go = (target: string) => {
    setOpen(false);
    field.current?.blur();
    onDone?.();
    navigate(target);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = items[active];
    if (chosen) return go(suggestionTarget(chosen));
    if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, -1));
    } else if (event.key === 'Escape') {
      setOpen(false);
      onDone?.();
    }
  };

  const showList = open && items.length > 0;
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <input
        ref={field}
        type="search"
        name="q"
        enterKeyHint="search"
        placeholder="Search"
        aria-label="Search videos"
        autoComplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="search-submit" aria-label="Search">
        ⌕
      </button>
      {showList && (
        <ul className="autocomplete" id={listId} role="listbox">
          {items.map((item, index) => (
            <li
              key={`${item.type}-${item.id ?? item.text}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                go(suggestionTarget(item));
              }}
            >
              <span className="suggestion-kind">{item.type}</span> {item.text}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
