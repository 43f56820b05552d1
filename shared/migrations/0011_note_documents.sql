-- target: relay
-- The shared notes of an event (advance notes, run of show) as Yjs documents: the whole merged
-- state, rewritten by the relay's note rooms a couple of seconds after edits stop. Relay-private:
-- desktops receive these documents through the rooms (y-websocket), never as a shape.

CREATE TABLE note_documents (
  organization_id  uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id         uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (name IN ('ADVANCE_NOTES', 'RUN_OF_SHOW')),
  -- Y.encodeStateAsUpdate of the document, merged with what was stored before
  state            bytea NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, name)
);
CREATE INDEX note_documents_organization_idx ON note_documents (organization_id);
