// The nodes whose first ring a full rebuild (re)makes with projection/nearest-of: those with more
// than `dense` stored relationships, and those that carry a ring but are no longer dense (it is
// removed). Reads every node's degree (one count-store lookup each): run after a load, never per
// request.
// Parameters: dense (integer). Returns: ids (list of strings), one row.
MATCH (n:Source|Passage|Actor|Forum|Event|Claim)
WHERE COUNT { (n)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-() } > $dense OR n.nearest IS NOT NULL
RETURN collect(n.id) AS ids
