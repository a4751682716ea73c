#pragma once

#include <QStringList>

namespace herald::sim::names {

// Realistic, varied name material for the generated directory: a few hundred
// given names and surnames (some with apostrophes, hyphens and diacritics, so
// clients must escape OData literals and handle Unicode), departments, titles.
const QStringList &givenNames();
const QStringList &surnames();
const QStringList &departments();
const QStringList &jobTitles();
const QStringList &teamTopics();

} // namespace herald::sim::names
