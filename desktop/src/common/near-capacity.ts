// The door's capacity warning, the same in the core's door count and in the renderer's count
// that moves on a key press: from 90 % of what the night holds.
export const NEAR_CAPACITY = 0.9;

export const isNearCapacity = (total: number, capacity: number): boolean =>
  capacity > 0 && total >= Math.ceil(capacity * NEAR_CAPACITY);
