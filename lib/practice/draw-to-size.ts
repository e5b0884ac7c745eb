/**
 * A practice test of size N asks exactly N questions, each answer one question: a control, a
 * matrix cell, each half of a Shared control, each part of an incident. The halves of a control
 * and the parts of an incident are still drawn together, since each makes sense only beside the
 * other; so the draw takes whole groups in the order given and skips a group of two that would
 * overshoot, for a single one further on. Only a pool with too few items, or an odd N from
 * nothing but pairs, gives fewer than N.
 */
export function drawToSize<T>(groups: T[][], size: number): T[][] {
  const drawn: T[][] = [];
  let left = size;
  for (const group of groups) {
    if (left === 0) break;
    if (group.length > left) continue;
    drawn.push(group);
    left -= group.length;
  }
  // One short with only pairs left undrawn: the last single drawn makes way for the first pair.
  if (left === 1) {
    const pair = groups.find((group) => group.length === 2 && !drawn.includes(group));
    const single = drawn.findLastIndex((group) => group.length === 1);
    if (pair && single >= 0) drawn.splice(single, 1, pair);
  }
  return drawn;
}
