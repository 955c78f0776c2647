-- Which scheduled fire a run answers (null for runs on demand) and which node ran it: in a cluster,
-- one fire gives one run, on one node.
ALTER TABLE run ADD COLUMN scheduled_at timestamptz;
ALTER TABLE run ADD COLUMN node text;
