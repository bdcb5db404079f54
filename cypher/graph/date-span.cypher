// The span of dated events and claims, for the client's time control: the first and last entry
// of each date index, read in index order.
// Parameters: none. Returns: dateStart, dateEnd (Date or null), one row.
CALL () {
  CALL () {
    MATCH (n:Event) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.periodStart IS NOT NULL AND n.dateStart IS NULL
    RETURN n.periodStart AS day ORDER BY day LIMIT 1
  }
  RETURN min(day) AS dateStart
}
CALL () {
  CALL () {
    MATCH (n:Event) WHERE n.dateEnd IS NOT NULL RETURN n.dateEnd AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Event) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.dateEnd IS NOT NULL RETURN n.dateEnd AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.periodEnd IS NOT NULL AND n.dateStart IS NULL AND n.dateEnd IS NULL
    RETURN n.periodEnd AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.periodStart IS NOT NULL AND n.dateStart IS NULL AND n.dateEnd IS NULL
    RETURN n.periodStart AS day ORDER BY day DESC LIMIT 1
  }
  RETURN max(day) AS dateEnd
}
RETURN dateStart, dateEnd
