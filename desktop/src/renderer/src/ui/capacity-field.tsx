// An event's capacity, left blank to take the venue's: the same field when a request becomes an
// event and when the event is edited.
import { Field, inputClass } from './controls.js';
import { useFormat } from '../format/use-format.js';

export function CapacityField({
  value,
  problem,
  venueCapacity,
  onChange,
}: {
  value: string;
  problem: string | undefined;
  venueCapacity: number;
  onChange: (change: { target: { value: string } }) => void;
}) {
  const f = useFormat();
  return (
    <Field label="Capacity" problem={problem} hint={`Blank: the venue’s ${f.count(venueCapacity)}`}>
      {(props) => (
        <input
          {...props}
          inputMode="numeric"
          placeholder={String(venueCapacity)}
          className={inputClass}
          value={value}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
