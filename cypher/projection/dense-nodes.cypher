// The nodes whose first ring a full rebuild (re)makes with projection/nearest-of: those with more
// than `dense` stored relationships, and those that have a ring (FirstRing) but may no longer be
// dense or exist (it is removed). Reads every node's degree (one count-store lookup each): run
// after a load, never per request.
// Parameters: dense (integer). Returns: ids (list of strings), one row.
CALL () {
  MATCH (n:Source|Passage|Actor|Forum|Event|Claim)
  WHERE COUNT { (n)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-() } > $dense
  RETURN n.id AS id
  UNION
  MATCH (ring:FirstRing)
  RETURN ring.of AS id
}
RETURN collect(id) AS ids
