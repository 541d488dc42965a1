"""Small sample texts shared by several test modules."""

from __future__ import annotations

# A short English news story: headline, four paragraphs and a subheading.
STORM_STORY = [
    "Storm batters the coast",
    "The storm arrived at dawn on Monday, and by noon thousands of homes had lost power "
    "across the region, officials said.",
    "Emergency crews worked through the night to clear fallen trees from the main roads, "
    "and several schools were closed as a precaution.",
    "What happens next",
    "The weather service said that the wind would ease on Tuesday, but it warned that "
    "heavy rain could still bring flooding to low-lying areas.",
    "Residents were asked to stay indoors, to keep away from the river banks, and to "
    "report any damage to the local council as soon as it was safe.",
]
