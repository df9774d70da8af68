#pragma once

// The outcome of the connectivity tests for one catalog flow or one component. Header only, so
// that the headless tester can summarise flows without linking the diagram.
enum class FlowStatus { Untested, Passed, Failed, Partial };
