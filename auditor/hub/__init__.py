"""The Hub stage: the only network code (client, answers, rate limits, endpoint, listing) and the crawl."""
