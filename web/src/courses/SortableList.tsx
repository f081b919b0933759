import type { ReactNode } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';

/**
 * A vertical list reordered by drag and drop (@dnd-kit): with the pointer on an item's handle, or
 * from the keyboard (focus the handle, Space to lift, arrow keys to move, Space to drop, Escape to
 * cancel), with screen-reader announcements. Each list is its own drag context, so a lesson moves
 * inside its module and a module among modules.
 */
export function SortableList<T extends { id: string }>({
  items,
  label,
  onReorder,
  children,
  as: List = 'ol',
  className,
}: {
  items: T[];
  /** What an item is called in announcements ("lesson", "module"). */
  label: (item: T) => string;
  onReorder: (ids: string[]) => void;
  children: (item: T, index: number, handle: ReactNode) => ReactNode;
  as?: 'ol' | 'ul';
  className?: string;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((item) => item.id);
  const titleOf = (id: unknown) => {
    const item = items.find((candidate) => candidate.id === id);
    return item ? label(item) : '';
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}.`,
          onDragOver: ({ active, over }) =>
            over ? `${titleOf(active.id)} is at position ${ids.indexOf(String(over.id)) + 1} of ${ids.length}.` : '',
          onDragEnd: ({ active, over }) =>
            over ? `${titleOf(active.id)} dropped at position ${ids.indexOf(String(over.id)) + 1}.` : 'Dropped.',
          onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <List className={className}>
          {items.map((item, index) => (
            <SortableItem key={item.id} id={item.id} title={label(item)}>
              {(handle) => children(item, index, handle)}
            </SortableItem>
          ))}
        </List>
      </SortableContext>
    </DndContext>
  );
}

function SortableItem({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: (handle: ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  const handle = (
    <button
      type="button"
      className="button drag-handle"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`Drag ${title}`}
    >
      ⠿
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'sortable-item dragging' : 'sortable-item'}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {children(handle)}
    </li>
  );
}
