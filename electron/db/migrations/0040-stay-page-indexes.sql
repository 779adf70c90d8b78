-- A stay page (getStay: intake.get, and every change's audit row) reads its safety checks and extensions by stay;
-- neither had an index, so each read scanned every check ever made (350,000 after ten years: ~25 ms per stay).
-- A migration of its own: 0030 had already landed when these were found by the ten-year benchmark.
CREATE INDEX safety_checks_by_stay ON safety_checks (stay_id);
CREATE INDEX stay_extensions_by_stay ON stay_extensions (stay_id);
