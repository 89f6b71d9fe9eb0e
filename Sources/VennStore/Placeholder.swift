// Local store.
