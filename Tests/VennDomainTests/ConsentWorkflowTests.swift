import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore

@Suite struct ConsentWorkflowTests {
    @Test func consentMovesAReferredPersonToConsented() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.person()
        let step = try fixture.workflow.giveConsent(ConsentGrant(
            person: person, givenBy: "Selv", purposes: ["registration", "Statistikk"],
            reviewOn: CalendarDay("2027-03-01")
        ))
        #expect(step.record.values["given_by"] == "self")
        #expect(step.record.values["purposes"] == .array(["registration", "statistics"]))
        #expect(step.record.values["review_on"] == "2027-03-01")
        #expect(try fixture.status("person", person) == "consented")

        let again = try fixture.workflow.giveConsent(ConsentGrant(person: person, givenBy: "self"))
        #expect(again.moves.isEmpty)
        #expect(again.record.values["purposes"] == .array(ConsentGrant.defaultPurposes.map(JSONValue.string)))
    }

    @Test(arguments: ["attorney", "Fremtidsfullmektig", "guardian", "verge"])
    func anAttorneyOrGuardianNeedsTheirRepresentativeRecord(givenBy: String) throws {
        let fixture = try PeopleFixture()
        let person = try fixture.person()
        let role = ["attorney", "fremtidsfullmektig"].contains(givenBy.lowercased()) ? "attorney" : "guardian"
        let otherRole = role == "attorney" ? "guardian" : "attorney"
        let right = try fixture.store.add(collection: "representative", fields: [
            "person": .string(person), "name": "Anne", "role": .string(role),
        ])
        let wrong = try fixture.store.add(collection: "representative", fields: [
            "person": .string(person), "name": "Per", "role": .string(otherRole),
        ])

        #expect(throws: ConsentError(.representativeNeeded(role: role))) {
            _ = try fixture.workflow.giveConsent(ConsentGrant(person: person, givenBy: givenBy))
        }
        #expect(throws: ConsentError(.representativeMismatch(role: role))) {
            _ = try fixture.workflow.giveConsent(
                ConsentGrant(person: person, givenBy: givenBy, representative: wrong)
            )
        }
        #expect(try fixture.count("consent") == 0)
        let step = try fixture.workflow.giveConsent(
            ConsentGrant(person: person, givenBy: givenBy, representative: right)
        )
        #expect(step.record.values["given_by"] == .string(role))
        #expect(try fixture.status("person", person) == "consented")
    }

    @Test func anUnknownGiverIsRefused() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.person()
        #expect(throws: ConsentError(.unknownGiver(known: ["self", "attorney", "guardian"]), detail: "neighbour")) {
            _ = try fixture.workflow.giveConsent(ConsentGrant(person: person, givenBy: "neighbour"))
        }
        #expect(try fixture.status("person", person) == "referred")
    }

    @Test func withdrawalEndsTheMatchesReleasesTheVolunteersAndClosesThePerson() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.mappedPerson()
        let other = try fixture.mappedPerson()
        let active = try fixture.trainedVolunteer()
        let proposed = try fixture.trainedVolunteer()
        let busy = try fixture.trainedVolunteer()

        let activeMatch = try fixture.workflow.proposeMatch(volunteer: active, person: person).record.id
        _ = try fixture.workflow.startMatch(activeMatch)
        let busyMatch = try fixture.workflow.proposeMatch(volunteer: busy, person: person).record.id
        _ = try fixture.workflow.startMatch(busyMatch)
        let keep = try fixture.workflow.proposeMatch(volunteer: busy, person: other).record.id
        _ = try fixture.workflow.startMatch(keep)
        let proposedMatch = try fixture.workflow.proposeMatch(volunteer: proposed, person: person).record.id

        let step = try fixture.workflow.withdrawConsent(person: person, on: CalendarDay("2026-04-01"))
        #expect(step.record.values["status"] == "closed")
        #expect(try fixture.status("match", activeMatch) == "ended")
        #expect(try fixture.store.record(collection: "match", id: activeMatch)?.values["end_reason"]
            == "consent_withdrawn")
        #expect(try fixture.status("match", busyMatch) == "ended")
        #expect(try fixture.status("match", proposedMatch) == "declined")
        #expect(try fixture.status("match", keep) == "active")
        #expect(try fixture.status("volunteer", active) == "ready")
        #expect(try fixture.status("volunteer", proposed) == "ready")
        #expect(try fixture.status("volunteer", busy) == "active")
        #expect(try fixture.workflow.consentsInForce(for: person).isEmpty)

        let close = try #require(try fixture.workflow.moves(of: "person", id: person).last)
        #expect(close.values["verb"] == "close")
        #expect(close.values["on"] == "2026-04-01")
        #expect(close.values["reason"] == "consent_withdrawn")
        let consent = try #require(try fixture.store.records(collection: "consent").first {
            $0.values["subject"]?.stringValue == person
        })
        #expect(consent.values["withdrawn_on"] == "2026-04-01")
    }

    @Test func withdrawalEndsAPausedMatchToo() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.mappedPerson()
        let volunteer = try fixture.trainedVolunteer()
        let match = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person).record.id
        _ = try fixture.workflow.startMatch(match)
        _ = try fixture.workflow.move("match", id: match, verb: "pause")

        _ = try fixture.workflow.withdrawConsent(person: person)
        #expect(try fixture.status("match", match) == "ended")
        #expect(try fixture.status("volunteer", volunteer) == "ready")
        #expect(try fixture.status("person", person) == "closed")
    }

    @Test func withdrawalWithoutAConsentInForceWritesNothing() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.person()
        let before = try fixture.count("transition")
        #expect(throws: ConsentError(.noConsentInForce)) {
            _ = try fixture.workflow.withdrawConsent(person: person)
        }
        #expect(try fixture.status("person", person) == "referred")
        #expect(try fixture.count("transition") == before)
    }

    @Test func reviewSetsTheDayOnTheConsentInForce() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.mappedPerson()
        let changed = try fixture.workflow.reviewConsent(person: person, on: CalendarDay("2027-01-15")!)
        #expect(changed.map { $0.values["review_on"] } == ["2027-01-15"])
        let unconsented = try fixture.person()
        #expect(throws: ConsentError(.noConsentInForce)) {
            _ = try fixture.workflow.reviewConsent(person: unconsented, on: CalendarDay("2027-01-15")!)
        }
    }
}
