#pragma once
// Interface languages: the compiled .qm files are built into the app (qt_add_translations,
// resource prefix /i18n). Installing one sends LanguageChange to every widget, which retranslate.
#include <QString>
#include <utility>
#include <vector>

namespace dualx::ui {

// (code, native name) for every shipped translation, e.g. ("de", "Deutsch").
std::vector<std::pair<QString, QString>> availableLanguages();

// Installs the translation for `code` ("" or "en": none, i.e. English); false if there is none.
bool installLanguage(const QString& code);

} // namespace dualx::ui
