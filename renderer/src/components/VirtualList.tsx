import { useState, type ReactNode } from 'react';

/**
 * Renders only the rows in view (fixed row height), so lists of 100,000 stay fast; asks for the
 * next page (keyset cursor) when the end comes into view.
 */
export function VirtualList<T>({
  items, rowHeight = 48, height = 480, label, renderRow, onEndReached,
}: {
  items: T[]; rowHeight?: number; height?: number; label: string; renderRow: (item: T) => ReactNode; onEndReached?: () => void;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 5);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + 5);
  if (onEndReached && last >= items.length - 5) queueMicrotask(onEndReached);
  return (
    <div
      className="virtual-list" role="list" aria-label={label} style={{ height: Math.min(height, items.length * rowHeight + 2) }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div role="listitem" key={first + i} className="virtual-row" style={{ top: (first + i) * rowHeight, height: rowHeight }}>
            {renderRow(item)}
          </div>
        ))}
      </div>
    </div>
  );
}
