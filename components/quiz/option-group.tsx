"use client";

import type { ReactNode } from "react";

/**
 * One question answered by picking one of several: a fieldset of native radios, so that Tab
 * reaches the group, the arrow keys pick within it and a screen reader reads the legend and the
 * count. `name` keeps each item's radios a group of their own.
 */
export function OptionGroup({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  options: Array<{ value: string; label: ReactNode }>;
  value: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="option-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="option" data-checked={value === option.value}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
