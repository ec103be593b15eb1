// 0026: what is left of each kept batch, kept up to date by the database (issue 19, measured): summing a batch's
// movements on every read took seconds at a centre with ten years of doses. medicine_batch_balances holds one row per
// batch that ever moved, changed only by the trigger on medicine_movements (the ledger stays the record; the balance is
// its running sum), and the never-below-zero check reads it instead of the sum. Frozen once released.
export const migration0026 = `
CREATE TABLE medicine_batch_balances (
  batch_id TEXT PRIMARY KEY REFERENCES medicine_batches(id),
  left_centi INTEGER NOT NULL CHECK (left_centi >= 0)
) STRICT;
INSERT INTO medicine_batch_balances (batch_id, left_centi) SELECT batch_id, SUM(quantity_centi) FROM medicine_movements GROUP BY batch_id;
CREATE INDEX medicine_batch_balances_stocked ON medicine_batch_balances(batch_id) WHERE left_centi > 0;
CREATE TRIGGER medicine_batch_balances_never_deleted BEFORE DELETE ON medicine_batch_balances BEGIN SELECT RAISE(ABORT, 'the stock ledger is never deleted'); END;

DROP TRIGGER medicine_movements_never_negative;
CREATE TRIGGER medicine_movements_never_negative BEFORE INSERT ON medicine_movements
WHEN COALESCE((SELECT left_centi FROM medicine_batch_balances WHERE batch_id = NEW.batch_id), 0) + NEW.quantity_centi < 0
BEGIN SELECT RAISE(ABORT, 'a kept medicine never goes below zero'); END;
CREATE TRIGGER medicine_movements_balance AFTER INSERT ON medicine_movements
BEGIN
  INSERT OR IGNORE INTO medicine_batch_balances (batch_id, left_centi) VALUES (NEW.batch_id, 0);
  UPDATE medicine_batch_balances SET left_centi = left_centi + NEW.quantity_centi WHERE batch_id = NEW.batch_id;
END;
`;
