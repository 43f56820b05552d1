// Names and message shapes of the ElectricSQL shape protocol (see ../shared/docs/shape-protocol.md).
export const electricHeaders = [
  'electric-handle',
  'electric-offset',
  'electric-schema',
  'electric-cursor',
  'electric-up-to-date',
];
