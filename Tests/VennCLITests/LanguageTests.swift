import Testing
@testable import VennCLI

struct LanguageTests {
    @Test(arguments: [
        ([:], Language.english),
        (["LANG": "nb_NO.UTF-8"], .bokmal),
        (["LANG": "nn_NO.UTF-8"], .bokmal),
        (["LANG": "no_NO"], .bokmal),
        (["LANG": "NB_no"], .bokmal),
        (["LANG": "nob"], .bokmal),
        (["LANG": "en_GB.UTF-8"], .english),
        (["LANG": "sv_SE.UTF-8"], .english),
        (["LANG": "C"], .english),
        (["LANG": "C.UTF-8"], .english),
        (["LANG": "POSIX"], .english),
        (["LANG": ""], .english),
        (["LC_MESSAGES": "nb_NO.UTF-8", "LANG": "en_US.UTF-8"], .bokmal),
        (["LC_MESSAGES": "en_US.UTF-8", "LANG": "nb_NO.UTF-8"], .english),
        (["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "nb_NO", "LANG": "nb_NO"], .english),
        (["LC_ALL": "nn_NO.UTF-8", "LANG": "en_US.UTF-8"], .bokmal),
        (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nb_NO"], .bokmal),
        (["LC_ALL": "", "LANG": "de_DE"], .english),
        (["LANGUAGE": "nb", "LANG": "en_US"], .english),
    ] as [([String: String], Language)])
    func localeEnvironmentChoosesTheLanguage(environment: [String: String], expected: Language) {
        #expect(Language(environment: environment) == expected)
    }

    @Test func languagesHaveTheSchemaCodes() {
        #expect(Language.english.code == "en")
        #expect(Language.bokmal.code == "nb")
    }
}
