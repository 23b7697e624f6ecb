"""Saved news pages for the tests, built here (the real ones under ../shared are copyrighted
and only read when present): page furniture around an article, as outlets' sites have it."""

from __future__ import annotations

import json

STORIES = {
    "council": (
        "Council votes to close the old harbour bridge",
        "Maria Lopez",
        "2024-03-05",
        [
            "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, ending months of debate.",
            "“The bridge has served this city for ninety years, but it cannot carry today's traffic,” said Mayor Anne Dubois after the vote.",
            "Engineers told the council in January that the steel deck was corroding faster than expected and that repairs would cost more than a new crossing.",
            "Shop owners near the bridge said they feared losing customers, and the chamber of commerce asked for a delay of at least a year.",
            "The council said buses, bicycles and pedestrians would still be able to use the bridge until the new crossing opens in 2027.",
        ],
    ),
    "drought": (
        "Farmers warn of poor harvest as drought drags on",
        "Tom Becker",
        "2024-07-19",
        [
            "Farmers across the region warned on Friday that this year's wheat harvest could be the poorest in two decades.",
            "“We have had no real rain since April,” said Peter Hall, who grows wheat and barley on 300 hectares near the river.",
            "The agriculture ministry said it would decide next week whether to release emergency funds for the worst-hit districts.",
            "Water companies have already banned garden hoses in three counties and asked households to take shorter showers.",
            "Forecasters expect little relief before September, when autumn storms usually bring the first heavy rain of the season.",
        ],
    ),
    "museum": (
        "Museum returns looted bronzes to Nigeria",
        "Sara Khan",
        "2023-12-01",
        [
            "The national museum handed back twenty-one bronze sculptures to Nigeria on Friday, more than a century after they were looted.",
            "“This is a day of justice long delayed,” the Nigerian culture minister said at a ceremony in the museum's main hall.",
            "The bronzes were taken by British soldiers from the kingdom of Benin in 1897 and later sold to collectors across Europe.",
            "The museum's director said the return followed three years of research into how each object came to the collection.",
            "Several other museums have made similar returns in recent years, though many objects remain in private hands.",
        ],
    ),
}


def page(key: str, *, url: str = "", charset: str = "utf-8") -> str:
    """A whole saved page for one story: menus, a cookie banner, related links, a footer."""
    title, author, date, paragraphs = STORIES[key]
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "author": [{"@type": "Person", "name": author}],
            "datePublished": f"{date}T09:30:00Z",
            "publisher": {"@type": "Organization", "name": "The Daily Example"},
        }
    )
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}: what it means for you">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="{date}T09:30:00Z">
{canonical}
<script type="application/ld+json">{ld}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<header class="site-header"><a href="/">The Daily Example</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<div class="byline">By <a href="/people/{author.lower().replace(" ", "-")}">{author}</a> · {date}</div>
{body}
<p>Read more: Ten things to know about the city budget</p>
</article>
<aside class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Mayor opens new library in the east district</a></li>
<li><a href="/b">Storm damage closes coastal road for a week</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><p>Great article, thanks for sharing!</p></section>
</main>
<footer class="site-footer"><p>© 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


FURNITURE = (
    "News Sport Weather",
    "Accept all cookies",
    "Related stories",
    "Great article",
    "All rights reserved",
    "Read more",
)
