// UUIDv7: time-ordered and unique across centres, so the county can merge records without clashes.
import { v7 } from 'uuid';

export const newId = (): string => v7();
