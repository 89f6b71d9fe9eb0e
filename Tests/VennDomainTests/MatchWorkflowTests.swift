import Foundation
import Testing
import VennDomain
import VennSchema
import VennStore

/// A store with an activity catalogue, and helpers that bring volunteers
/// and people to the statuses the steps start from.
final class PeopleFixture {
    let directory: URL
    let store: Store
    let workflow: Workflow
    static let today = CalendarDay("2026-03-02")!

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("venn-people-tests-\(UUID().uuidString)", isDirectory: true)
        store = try Store.create(at: directory.appendingPathComponent("group.sqlite").path, group: "testgroup")
        workflow = Workflow(store: store, today: Self.today)
        _ = try store.add(collection: "activity_type", fields: ["code": "walk", "label": "Walks"])
        _ = try store.add(collection: "activity_type", fields: ["code": "music", "label": "Musikk"])
        _ = try store.add(collection: "activity_type", fields: ["code": "chess", "label": "Chess", "retired": true])
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A volunteer in `status`, added as is.
    func volunteer(status: String = "interested") throws -> String {
        try store.add(collection: "volunteer", fields: ["name": "Kari", "status": .string(status)])
    }

    /// A volunteer whose course is completed and whose follow-up ended
    /// ready; with `pledge`, also signed and moved to ready.
    func trainedVolunteer(pledge: Bool = true) throws -> String {
        let id = try volunteer(status: "course_done")
        let course = try store.add(collection: "course", fields: ["kind": "e_learning", "status": "held"])
        _ = try store.add(collection: "course_enrolment", fields: [
            "course": .string(course), "volunteer": .string(id), "completed": true,
        ])
        _ = try store.add(collection: "followup_conversation", fields: [
            "volunteer": .string(id), "date": "2026-02-01", "outcome": "ready",
        ])
        if pledge { _ = try workflow.signPledge(volunteer: id) }
        return id
    }

    /// A referred person.
    func person(area: String? = "Sentrum") throws -> String {
        var fields: [String: JSONValue] = ["name": "Ola", "status": "referred"]
        if let area { fields["area"] = .string(area) }
        return try store.add(collection: "person", fields: fields)
    }

    /// A person who has consented and been mapped.
    func mappedPerson() throws -> String {
        let id = try person()
        _ = try workflow.giveConsent(ConsentGrant(person: id, givenBy: "self"))
        _ = try workflow.mapPerson(id, MappingChanges(interests: ["walk"], availability: ["tue-evening"]))
        return id
    }

    func status(_ collection: String, _ id: String) throws -> String? {
        try store.record(collection: collection, id: id)?.values["status"]?.stringValue
    }

    func count(_ collection: String) throws -> Int {
        try store.records(collection: collection).count
    }
}

/// The missing requirements a step was refused for, or nil.
func missing(_ body: () throws -> Void) -> [Requirement]? {
    do {
        try body()
        return nil
    } catch let error as WorkflowError {
        if case .missing(let requirements) = error.code { return requirements }
        return nil
    } catch {
        return nil
    }
}

@Suite struct MatchWorkflowTests {
    @Test func proposingMakesAProposedMatchAndMovesBoth() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.trainedVolunteer()
        let person = try fixture.mappedPerson()
        #expect(try fixture.status("volunteer", volunteer) == "ready")
        #expect(try fixture.status("person", person) == "mapped")

        let step = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person)
        #expect(step.record.values["status"] == "proposed")
        #expect(step.record.values["proposed_on"] == "2026-03-02")
        #expect(step.moves.map { $0.after.values["status"] } == ["proposed", "proposed"])
        #expect(try fixture.status("volunteer", volunteer) == "proposed")
        #expect(try fixture.status("person", person) == "proposed")
        let verbs = try fixture.workflow.moves(of: "volunteer", id: volunteer).compactMap { $0.values["verb"] }
        #expect(verbs == ["ready", "propose"])
    }

    @Test func proposingRefusesAVolunteerWhoIsNotReadyAndSaysWhy() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.volunteer(status: "enrolled")
        let person = try fixture.mappedPerson()
        let requirements = missing { _ = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person) }
        #expect(requirements == [.volunteerReady(status: "enrolled")])
        #expect(try fixture.count("match") == 0)
        #expect(try fixture.status("person", person) == "mapped")
    }

    @Test func proposingRefusesAPersonWithoutConsent() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.trainedVolunteer()
        let person = try fixture.person()
        let requirements = missing { _ = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person) }
        #expect(requirements == [.consentInForce, .personMapped(status: "referred")])
        #expect(try fixture.count("match") == 0)
        #expect(try fixture.status("volunteer", volunteer) == "ready")
    }

    @Test func aPairHasOneOpenMatchAtATime() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.trainedVolunteer()
        let person = try fixture.mappedPerson()
        _ = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person)
        #expect(throws: MatchingError(.alreadyPaired)) {
            _ = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person)
        }
        #expect(try fixture.count("match") == 1)
    }

    @Test func startingMakesTheVolunteerActiveAndThePersonMatched() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.trainedVolunteer()
        let person = try fixture.mappedPerson()
        let match = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person).record.id

        let step = try fixture.workflow.startMatch(match, on: CalendarDay("2026-03-10"))
        #expect(step.record.values["status"] == "active")
        #expect(step.record.values["started_on"] == "2026-03-10")
        #expect(try fixture.status("volunteer", volunteer) == "active")
        #expect(try fixture.status("person", person) == "matched")
    }

    @Test(arguments: ["poor_fit", "Poor fit", "passet ikke sammen"])
    func endingTakesACodeOrALabelAndSendsBothBackToWaiting(reason: String) throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.trainedVolunteer()
        let person = try fixture.mappedPerson()
        let match = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person).record.id
        _ = try fixture.workflow.startMatch(match)

        let step = try fixture.workflow.endMatch(match, reason: reason)
        #expect(step.record.values["end_reason"] == "poor_fit")
        #expect(step.record.values["ended_on"] == "2026-03-02")
        #expect(try fixture.status("volunteer", volunteer) == "ready")
        #expect(try fixture.status("person", person) == "mapped")
    }

    @Test func endingOneOfTwoMatchesLeavesTheVolunteerActive() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.trainedVolunteer()
        let first = try fixture.mappedPerson()
        let second = try fixture.mappedPerson()
        let one = try fixture.workflow.proposeMatch(volunteer: volunteer, person: first).record.id
        _ = try fixture.workflow.startMatch(one)
        let two = try fixture.workflow.proposeMatch(volunteer: volunteer, person: second).record.id
        #expect(try fixture.status("volunteer", volunteer) == "proposed")
        _ = try fixture.workflow.startMatch(two)

        _ = try fixture.workflow.endMatch(one, reason: "person_moved")
        #expect(try fixture.status("volunteer", volunteer) == "active")
        #expect(try fixture.status("person", first) == "mapped")
        #expect(try fixture.status("person", second) == "matched")
    }

    @Test func endingRefusesAnUnknownReasonAndWritesNothing() throws {
        let fixture = try PeopleFixture()
        let match = try fixture.workflow.proposeMatch(
            volunteer: try fixture.trainedVolunteer(), person: try fixture.mappedPerson()
        ).record.id
        _ = try fixture.workflow.startMatch(match)
        let before = try fixture.count("transition")
        #expect(throws: WorkflowError.self) { _ = try fixture.workflow.endMatch(match, reason: "bored") }
        #expect(throws: WorkflowError.self) { _ = try fixture.workflow.endMatch(match, reason: "") }
        #expect(try fixture.status("match", match) == "active")
        #expect(try fixture.count("transition") == before)
    }

    @Test func decliningReleasesTheVolunteerAndThePerson() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.trainedVolunteer()
        let person = try fixture.mappedPerson()
        let match = try fixture.workflow.proposeMatch(volunteer: volunteer, person: person).record.id

        let step = try fixture.workflow.declineMatch(match, reason: "wants a woman")
        #expect(step.record.values["status"] == "declined")
        #expect(step.moves.count == 3)
        #expect(try fixture.status("volunteer", volunteer) == "ready")
        #expect(try fixture.status("person", person) == "mapped")
        let last = try #require(try fixture.workflow.moves(of: "match", id: match).last)
        #expect(last.values["reason"] == "wants a woman")
    }

    @Test func aCheckInIsRecordedOnlyForAMatchThatGoesOn() throws {
        let fixture = try PeopleFixture()
        let match = try fixture.workflow.proposeMatch(
            volunteer: try fixture.trainedVolunteer(), person: try fixture.mappedPerson()
        ).record.id
        #expect(throws: WorkflowError.self) { _ = try fixture.workflow.checkIn(match: match, stillMeeting: true) }
        _ = try fixture.workflow.startMatch(match)

        let step = try fixture.workflow.checkIn(match: match, stillMeeting: true, frequency: "Annenhver uke")
        #expect(step.record.values["frequency_band"] == "fortnightly")
        #expect(step.record.values["still_meeting"] == .bool(true))
        #expect(throws: MatchingError.self) {
            _ = try fixture.workflow.checkIn(match: match, stillMeeting: true, frequency: "daily")
        }

        let details = try fixture.workflow.matchDetails(match)
        #expect(details.checkins.count == 1)
        #expect(details.moves.compactMap { $0.values["verb"]?.stringValue } == ["start"])
    }
}

@Suite struct MappingWorkflowTests {
    @Test func interestsMustBeInTheCatalogueWhichListsItsCodes() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.person()
        #expect(throws: MappingError(.unknownInterests(["fishing", "chess"], known: ["music", "walk"]))) {
            _ = try fixture.workflow.mapPerson(person, MappingChanges(interests: ["walk", "fishing", "chess"]))
        }
        #expect(try fixture.store.record(collection: "person", id: person)?.values["interests"] == nil)
    }

    @Test func aLabelNamesAnInterestToo() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.volunteer()
        let step = try fixture.workflow.mapVolunteer(volunteer, MappingChanges(
            interests: ["musikk", "walk"], availability: ["Tuesday evening", "mon-morning"], area: "Nord",
            willing: ["group", "home"]
        ))
        #expect(step.record.values["interests"] == .array(["music", "walk"]))
        #expect(step.record.values["availability"] == .array(["tue-evening", "mon-morning"]))
        #expect(step.record.values["area"] == "Nord")
        #expect(step.record.values["willing_group"] == .bool(true))
        #expect(step.record.values["willing_institution"] == .bool(false))
        #expect(throws: MappingError.self) {
            _ = try fixture.workflow.mapVolunteer(volunteer, MappingChanges(availability: ["someday"]))
        }
        #expect(throws: MappingError.self) {
            _ = try fixture.workflow.mapVolunteer(volunteer, MappingChanges(willing: ["zoo"]))
        }
    }

    @Test func aConsentedPersonIsMappedOnlyWhenNothingIsMissing() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.person(area: nil)
        _ = try fixture.workflow.giveConsent(ConsentGrant(person: person, givenBy: "self"))

        let partial = try fixture.workflow.mapPerson(person, MappingChanges(interests: ["walk"]))
        #expect(partial.missing == [.field("availability"), .field("area")])
        #expect(partial.step.moves.isEmpty)
        #expect(try fixture.status("person", person) == "consented")

        let full = try fixture.workflow.mapPerson(person, MappingChanges(availability: ["wed-morning"], area: "Vest"))
        #expect(full.missing.isEmpty)
        #expect(full.step.moves.count == 1)
        #expect(try fixture.status("person", person) == "mapped")
    }

    @Test func aReferredPersonIsToldAConsentIsMissing() throws {
        let fixture = try PeopleFixture()
        let person = try fixture.person()
        let outcome = try fixture.workflow.mapPerson(
            person, MappingChanges(interests: ["walk"], availability: ["wed-morning"])
        )
        #expect(outcome.missing == [.consentInForce])
        #expect(try fixture.status("person", person) == "referred")
    }

    @Test func thePledgeMakesATrainedVolunteerReady() throws {
        let fixture = try PeopleFixture()
        let trained = try fixture.trainedVolunteer(pledge: false)
        let step = try fixture.workflow.signPledge(volunteer: trained, on: CalendarDay("2026-02-20"))
        #expect(step.record.values["pledge_signed_on"] == "2026-02-20")
        #expect(step.moves.count == 1)
        #expect(try fixture.status("volunteer", trained) == "ready")

        let untrained = try fixture.volunteer(status: "course_done")
        let unready = try fixture.workflow.signPledge(volunteer: untrained)
        #expect(unready.moves.isEmpty)
        #expect(try fixture.status("volunteer", untrained) == "course_done")
    }

    @Test func contactIsDated() throws {
        let fixture = try PeopleFixture()
        let volunteer = try fixture.volunteer()
        let step = try fixture.workflow.recordContact(volunteer: volunteer)
        #expect(step.record.values["contacted_on"] == "2026-03-02")
        #expect(throws: WorkflowError.self) { _ = try fixture.workflow.recordContact(volunteer: UUID().uuidString) }
    }
}

@Suite struct ActivityWorkflowTests {
    @Test func anActivityIsPlannedFromTheCatalogue() throws {
        let fixture = try PeopleFixture()
        let step = try fixture.workflow.planActivity(type: "Walks", venue: "Parken", schedule: ["tue-afternoon"])
        let details = try fixture.workflow.activityDetails(step.record.id)
        #expect(details.type?.values["code"] == "walk")
        #expect(details.activity.values["schedule"] == .array(["tue-afternoon"]))
        #expect(throws: MatchingError(.unknownActivityType(known: ["music", "walk"]), detail: "chess")) {
            _ = try fixture.workflow.planActivity(type: "chess")
        }
    }

    @Test func onlyReadyVolunteersWhoSayYesToGroupsJoin() throws {
        let fixture = try PeopleFixture()
        let activity = try fixture.workflow.planActivity(type: "walk").record.id
        let ready = try fixture.trainedVolunteer()
        let other = try fixture.trainedVolunteer()
        let enrolled = try fixture.volunteer(status: "enrolled")
        _ = try fixture.workflow.mapVolunteer(other, MappingChanges(willing: ["home"]))

        #expect(missing { _ = try fixture.workflow.joinActivity(activity, volunteers: [ready, enrolled]) }
            == [.volunteerReady(status: "enrolled")])
        #expect(missing { _ = try fixture.workflow.joinActivity(activity, volunteers: [other]) }
            == [.willingForGroup])
        let step = try fixture.workflow.joinActivity(activity, volunteers: [ready, ready])
        #expect(step.record.values["volunteers"] == .array([.string(ready)]))
    }

    @Test func participantsAreACountWithinTheSchemasLimit() throws {
        let fixture = try PeopleFixture()
        let activity = try fixture.workflow.planActivity(type: "music").record.id
        let step = try fixture.workflow.setParticipants(activity, count: 7)
        #expect(step.record.values["participant_count"] == .int(7))
        #expect(throws: StoreError.self) { _ = try fixture.workflow.setParticipants(activity, count: 501) }
    }
}
