-- Some providers send no volume (indices, some currencies): their bars are stored with none, never with an invented
-- zero (a reader's volumeRequired: false). Every provider barfeed ships sends one.
ALTER TABLE bar ALTER COLUMN volume DROP NOT NULL;
