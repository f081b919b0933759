import { useState } from 'react';

/**
 * Moves a lesson to another module (to its end): the keyboard- and phone-friendly way across modules,
 * where drag and drop works inside one list.
 */
export function MoveLessonForm({
  lessonTitle,
  moduleId,
  modules,
  disabled,
  onMove,
}: {
  lessonTitle: string;
  moduleId: string;
  modules: Array<{ id: string; title: string }>;
  disabled: boolean;
  onMove: (toModuleId: string) => void;
}) {
  const others = modules.filter((module) => module.id !== moduleId);
  const [target, setTarget] = useState('');
  if (others.length === 0) return null;
  // The choice survives outline changes only while that module is still another one.
  const chosen = others.some((module) => module.id === target) ? target : others[0]!.id;
  return (
    <form
      className="builder-move"
      aria-label={`Move ${lessonTitle}`}
      onSubmit={(event) => {
        event.preventDefault();
        onMove(chosen);
      }}
    >
      <label>
        Move to module
        <select value={chosen} onChange={(event) => setTarget(event.target.value)}>
          {others.map((module) => (
            <option key={module.id} value={module.id}>
              {module.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={disabled}>
        Move
      </button>
    </form>
  );
}
